// How numbers and groups read to the user, kept free of VS Code so it is unit-tested; tree nodes map it onto TreeItems.
import type { Agent, PhoneNumber } from '../vogent/shapes';
import { UNTYPED, type GroupKey } from './groups';

export interface AgentLookup {
  readonly loaded: boolean;
  get(id: string): Agent | undefined;
}

export interface NumberView {
  label: string;
  description: string;
  /** A codicon id and a theme colour id. */
  icon: { id: string; color: string };
  /** Markdown. */
  tooltip: string;
  /** Tokens for `when` clauses: `phoneNumber`, the type (`pstn`, `sip`, `other`), `linked` or `unlinked`. */
  contextValue: string;
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

export function groupIcon(key: GroupKey): string {
  if (key === 'PSTN') return 'call-outgoing';
  if (key === 'SIP_USERNAME') return 'plug';
  return 'question';
}

/** What to call the number's agent: its name, its id marked unknown, or "no agent". */
export function agentName(agentId: string | null, agents: AgentLookup): string {
  if (agentId === null) return 'no agent';
  const agent = agents.get(agentId);
  if (agent) return agent.name;
  return agents.loaded ? `${agentId} (unknown agent)` : agentId;
}

export function describeNumber(number: PhoneNumber, agents: AgentLookup): NumberView {
  const linked = number.agentId !== null;
  const typeToken = number.type === 'PSTN' ? 'pstn' : number.type === 'SIP_USERNAME' ? 'sip' : 'other';
  const agent = agentName(number.agentId, agents);

  const tooltip = [
    `**${md(number.number)}**`,
    '',
    `Type: ${md(typeName(number.type))}  `,
    `ID: \`${code(number.id)}\`  `,
    linked ? `Agent: ${md(agent)} (\`${code(number.agentId ?? '')}\`)` : 'Agent: none linked',
  ].join('\n');
  return {
    label: number.number,
    description: agent,
    icon: { id: typeToken === 'sip' ? 'plug' : typeToken === 'pstn' ? 'device-mobile' : 'question', color: linked ? 'charts.green' : 'disabledForeground' },
    tooltip,
    contextValue: `phoneNumber ${typeToken} ${linked ? 'linked' : 'unlinked'}`,
  };
}

function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

function code(text: string): string {
  return text.replace(/`/g, "'");
}
