// How numbers and groups read to the user, as text: free of VS Code so it is unit-tested. How they look
// in the tree (icons, colours, context values) is the tree nodes' business.
import type { Agent, PhoneNumber } from '../vogent/shapes';
import { countryName, displayNumber, formatsOf } from './formatNumber';
import { UNTYPED, type GroupKey } from './groups';

export interface AgentLookup {
  readonly loaded: boolean;
  get(id: string): Agent | undefined;
}

const GROUP_LABELS: Record<string, string> = { PSTN: 'PSTN numbers', SIP_USERNAME: 'SIP usernames' };
const TYPE_NAMES: Record<string, string> = { PSTN: 'PSTN', SIP_USERNAME: 'SIP username' };

/** A number's type as a user reads it. */
export function typeName(type: string | undefined): string {
  return type === undefined ? 'No type' : (TYPE_NAMES[type] ?? type);
}

export function groupLabel(key: GroupKey): string {
  return GROUP_LABELS[key] ?? (key === UNTYPED ? 'Numbers without a type' : key);
}

/** An exact count once every page is loaded; until then it says it is partial. */
export function groupDescription(count: number, complete: boolean): string {
  return complete ? String(count) : `${count} so far`;
}

/**
 * A workspace's state beside its name: what is wrong, or how many numbers it has once that is known.
 * It does not count pages as they land, so the node is not redrawn on every page.
 */
export function workspaceDescription(
  status: 'no-key' | 'rejected' | 'ready',
  numbers: { readonly complete: boolean; readonly size: number; readonly error: Error | undefined },
): string {
  if (status === 'no-key') return 'no API key';
  if (status === 'rejected') return 'API key rejected';
  if (numbers.error && numbers.size === 0) return 'could not load';
  if (!numbers.complete) return '';
  return numbers.size === 1 ? '1 number' : `${numbers.size.toLocaleString('en-US')} numbers`;
}

/** What to call the number's agent: its name, its id marked unknown, or "no agent". */
export function agentName(agentId: string | null, agents: AgentLookup): string {
  if (agentId === null) return 'no agent';
  const agent = agents.get(agentId);
  if (agent) return agent.name;
  return agents.loaded ? `${agentId} (unknown agent)` : agentId;
}

/** The hover of a number, as Markdown with everything the API sent escaped. */
export function numberTooltip(number: PhoneNumber, agents: AgentLookup): string {
  const formats = formatsOf(number);
  const country = countryName(formats?.country);
  return [
    `**${md(formats?.international ?? number.number)}**`,
    '',
    ...(formats ? [`National: ${md(formats.national)}${country ? ` · ${md(country)}` : ''}  `, `E.164: \`${code(formats.e164)}\`  `] : []),
    `Type: ${md(typeName(number.type))}  `,
    `ID: \`${code(number.id)}\`  `,
    number.agentId !== null ? `Agent: ${md(agentName(number.agentId, agents))} (\`${code(number.agentId)}\`)` : 'Agent: none linked',
  ].join('\n');
}

/**
 * What a screen reader says for a number: its type, the number in its international groups (not one
 * huge integer), and its agent. "PSTN number +1 212 698 7091, agent Front Desk".
 */
export function spokenNumber(number: PhoneNumber, agents: AgentLookup): string {
  const agent = number.agentId === null ? 'no agent' : `agent ${agentName(number.agentId, agents)}`;
  const kind = number.type === 'SIP_USERNAME' ? 'SIP username' : `${typeName(number.type)} number`;
  return `${kind} ${displayNumber(number)}, ${agent}`;
}

function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

function code(text: string): string {
  return text.replace(/`/g, "'");
}
