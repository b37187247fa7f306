import * as vscode from 'vscode';
import type { VogentConnection } from '../connection/vogentConnection';
import { matchLine, numberLine } from '../numbers/numberLines';
import type { Agent, PhoneNumber } from '../vogent/shapes';
import { resolveAgent } from './resolve';
import { answer, failure, signalOf, unusable } from './toolResult';

export interface FindInput {
  query?: string;
  agent?: string;
  type?: string;
  linked?: boolean;
  limit?: number;
}

/** `vogent_findPhoneNumbers`: searches every page of the workspace's numbers (loading what is missing) and lists the matches. */
export function findPhoneNumbers(connection: VogentConnection): vscode.LanguageModelTool<FindInput> {
  return {
    prepareInvocation: () => ({ invocationMessage: 'Searching the Vogent phone numbers' }),
    invoke: async ({ input }, token) => {
      await connection.ready;
      const why = unusable(connection);
      if (why) return answer(why);
      try {
        await connection.loadAll(signalOf(token));
      } catch (error) {
        return answer(failure('Loading the phone numbers from Vogent', error, connection));
      }
      const agent = input.agent ? await resolveAgent(connection, input.agent) : undefined;
      if (typeof agent === 'string') return answer(agent);
      return listMatches(connection, input, agent);
    },
  };
}

function listMatches(connection: VogentConnection, input: FindInput, agent: Agent | undefined): vscode.LanguageModelToolResult {
  const { numbers, agents } = connection;
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 50), 1), 500);
  const only = (n: PhoneNumber) =>
    (!input.type || n.type === input.type) && (input.linked === undefined || (n.agentId !== null) === input.linked) && (!agent || n.agentId === agent.id);
  const { matches, total } = numbers.index.search(input.query ?? '', { limit, agents, only });
  const lines = [matchLine(matches.length, total, numbers.size), ...matches.map((n) => numberLine(n, agents))];
  const records = matches.map((n) => ({ ...n, agentName: n.agentId === null ? null : (agents.get(n.agentId)?.name ?? null) }));
  return answer(lines.join('\n'), { total, numbers: records });
}
