// Numbers as compact text lines, for a language model to read: one number a line, every field named.
import type { PhoneNumber } from '../vogent/shapes';
import { displayNumber } from './formatNumber';
import { typeName, type AgentLookup } from './presentation';

export function numberLine(number: PhoneNumber, agents: AgentLookup, workspace?: string): string {
  const agent = number.agentId === null ? 'no agent' : `agent ${agentLabel(number.agentId, agents)}`;
  const where = workspace ? ` · workspace ${workspace}` : '';
  return `${number.number} (${displayNumber(number)}) · ${typeName(number.type)} · id ${number.id} · ${agent}${where}`;
}

export function agentLabel(agentId: string, agents: AgentLookup): string {
  const agent = agents.get(agentId);
  if (agent) return `${agent.name} (id ${agentId})`;
  return agents.loaded ? `${agentId} (no such agent: deleted?)` : `id ${agentId}`;
}

/** "1 of 250 numbers match" / "12 of 250 numbers match; 2 listed, 10 left out: narrow with …". */
export function matchLine(listed: number, total: number, all: number): string {
  const head = `${total.toLocaleString('en-US')} of ${all.toLocaleString('en-US')} ${all === 1 ? 'number' : 'numbers'} match`;
  if (listed >= total) return head;
  return `${head}; ${listed} listed, ${(total - listed).toLocaleString('en-US')} left out: narrow with query, agent, type or linked, or raise limit (at most 500).`;
}
