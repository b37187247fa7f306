// Deterministic sample data: the same arguments always give the same workspace.
import type { Agent, PhoneNumber } from '../../src/vogent/shapes';

export interface Workspace {
  numbers: PhoneNumber[];
  agents: Agent[];
}

const AGENT_NAMES = ['Front Desk', 'Appointment Reminders', 'Billing Helpline', 'After-Hours Triage', 'Order Status', 'Survey Caller', 'Dispatch', 'Lead Qualifier'];
const LANGUAGES = ['en-US', 'es-US', 'en-GB', 'fr-FR'];

/**
 * `tag` makes another workspace's data: its ids, numbers and agent ids start differently, so two
 * workspaces side by side share nothing.
 */
export function sampleAgents(count = 5, tag = ''): Agent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `agent_${tag}${String(i + 1).padStart(3, '0')}`,
    name: AGENT_NAMES[i % AGENT_NAMES.length] + (i >= AGENT_NAMES.length ? ` ${Math.floor(i / AGENT_NAMES.length) + 1}` : ''),
    language: LANGUAGES[i % LANGUAGES.length],
  }));
}

/** The id that some numbers are linked to but that no agent has (a deleted agent). */
export const DELETED_AGENT_ID = 'agent_deleted_9f3';

/**
 * `count` numbers, types interleaved (every third one is a SIP username), a quarter unlinked,
 * one in eleven linked to a deleted agent, the rest spread over `agents`.
 * PSTN numbers use the unassigned +1 555 area code.
 */
export function sampleNumbers(count: number, agents: Agent[] = sampleAgents(), tag = ''): PhoneNumber[] {
  const first = tag === '' ? 0 : 5_000_000;
  return Array.from({ length: count }, (_, i) => {
    const sip = i % 3 === 2;
    const serial = tag + String(i).padStart(5, '0');
    let agentId: string | null = null;
    if (i % 11 === 5) agentId = DELETED_AGENT_ID;
    else if (i % 4 !== 0 && agents.length > 0) agentId = agents[i % agents.length].id;
    return {
      id: `pn_${serial}`,
      number: sip ? `demo-sip-${serial}` : `+1555${String(first + i).padStart(7, '0')}`,
      type: sip ? 'SIP_USERNAME' : 'PSTN',
      agentId,
    };
  });
}

export function sampleWorkspace(count: number, agentCount = 5, tag = ''): Workspace {
  const agents = sampleAgents(agentCount, tag);
  return { agents, numbers: sampleNumbers(count, agents, tag) };
}
