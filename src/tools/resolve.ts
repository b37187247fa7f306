import type { VogentConnection } from '../connection/vogentConnection';
import { matchAgent } from '../numbers/agentMatch';
import type { Agent, PhoneNumber } from '../vogent/shapes';
import { failure } from './toolResult';

/** The agent meant by a name or id, or the sentence that says why there is not exactly one. */
export async function resolveAgent(connection: VogentConnection, nameOrId: string): Promise<Agent | string> {
  let agents: Agent[];
  try {
    agents = await connection.agentList();
  } catch (error) {
    return failure('Loading the agents from Vogent', error, connection);
  }
  const found = matchAgent(nameOrId, agents);
  if ('agent' in found) return found.agent;
  if ('candidates' in found) {
    const names = found.candidates.map((a) => `${a.name} (id ${a.id})`).join('; ');
    return `"${nameOrId}" matches ${found.candidates.length} agents; ask which one, or pass its id: ${names}.`;
  }
  return `No agent of this Vogent workspace is named "${nameOrId}" or has that id.`;
}

/** The loaded number with this id, or written with these digits in any format. */
export function resolveNumber(connection: VogentConnection, idOrNumber: string): PhoneNumber | string {
  return connection.numbers.index.find(idOrNumber) ?? `No phone number of this Vogent workspace is "${idOrNumber}" (by number in any format, or by id).`;
}
