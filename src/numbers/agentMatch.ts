import type { Agent } from '../vogent/shapes';

export type AgentMatch = { agent: Agent } | { candidates: Agent[] } | { none: true };

/**
 * The agent a person or a model means by `nameOrId`: an exact id, else an exact name (any case), else
 * the one name that contains it. Several equal candidates are returned, never guessed between.
 */
export function matchAgent(nameOrId: string, agents: readonly Agent[]): AgentMatch {
  const wanted = nameOrId.trim().toLowerCase();
  const byId = agents.find((a) => a.id.toLowerCase() === wanted);
  if (byId) return { agent: byId };
  for (const test of [(name: string) => name === wanted, (name: string) => name.includes(wanted)]) {
    const found = agents.filter((a) => test(a.name.toLowerCase()));
    if (found.length === 1) return { agent: found[0] };
    if (found.length > 1) return { candidates: found };
  }
  return { none: true };
}
