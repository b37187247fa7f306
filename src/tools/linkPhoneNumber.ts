import * as vscode from 'vscode';
import type { VogentConnection } from '../connection/vogentConnection';
import { agentLabel } from '../numbers/numberLines';
import type { Agent, PhoneNumber } from '../vogent/shapes';
import { resolveAgent, resolveNumber } from './resolve';
import { answer, failure, signalOf, unusable } from './toolResult';

export interface LinkInput {
  number: string;
  agent: string;
}

type Plan = { number: PhoneNumber; agent: Agent | null } | string;

/** `vogent_linkPhoneNumber`: links a number to an agent ("" unlinks), after the user confirms. */
export function linkPhoneNumber(connection: VogentConnection): vscode.LanguageModelTool<LinkInput> {
  return {
    prepareInvocation: async ({ input }, token) => {
      const plan = await planLink(connection, input, token);
      if (typeof plan === 'string') return { invocationMessage: 'Checking the Vogent phone number' };
      const now = plan.number.agentId === null ? 'no agent' : agentLabel(plan.number.agentId, connection.agents);
      const next = plan.agent ? `${plan.agent.name} (id ${plan.agent.id})` : 'no agent (unlinked)';
      // Plain text: the names come from the API and are not Markdown.
      const message = `${plan.number.number} is answered by ${now} now. After this it will be answered by ${next}.`;
      return {
        invocationMessage: plan.agent ? `Linking ${plan.number.number} to ${plan.agent.name}` : `Unlinking ${plan.number.number}`,
        confirmationMessages: { title: plan.agent ? 'Link a Vogent phone number?' : 'Unlink a Vogent phone number?', message },
      };
    },
    invoke: async ({ input }, token) => {
      const plan = await planLink(connection, input, token);
      if (typeof plan === 'string') return answer(plan);
      const before = plan.number.agentId === null ? 'no agent' : agentLabel(plan.number.agentId, connection.agents);
      try {
        const updated = await connection.setAgent(plan.number.id, plan.agent?.id ?? null);
        const after = plan.agent ? `linked to ${plan.agent.name} (id ${plan.agent.id})` : 'unlinked';
        return answer(`${updated.number} is now ${after}; before, it was answered by ${before}.`);
      } catch (error) {
        return answer(failure(`Changing the agent of ${plan.number.number}`, error, connection));
      }
    },
  };
}

/** What the link would do, or the sentence that says why it cannot be done. */
async function planLink(connection: VogentConnection, input: LinkInput, token: vscode.CancellationToken): Promise<Plan> {
  await connection.ready;
  const why = unusable(connection);
  if (why) return why;
  if (typeof input.number !== 'string' || typeof input.agent !== 'string') return 'Give "number" (a phone number in any format, or its id) and "agent" (a name or id; "" unlinks).';
  try {
    await connection.loadAll(signalOf(token));
  } catch (error) {
    return failure('Loading the phone numbers from Vogent', error, connection);
  }
  const number = resolveNumber(connection, input.number);
  if (typeof number === 'string') return number;
  if (input.agent.trim() === '') return { number, agent: null };
  const agent = await resolveAgent(connection, input.agent);
  return typeof agent === 'string' ? agent : { number, agent };
}
