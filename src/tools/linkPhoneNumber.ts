import * as vscode from 'vscode';
import { agentLabel } from '../numbers/numberLines';
import type { Agent } from '../vogent/shapes';
import type { VogentWorkspaces, WorkspaceNumber } from '../workspaces/vogentWorkspaces';
import { cover, isProblem, notSearchedLine, resolveAgent, resolveNumber } from './resolve';
import { answer, failure } from './toolResult';

export interface LinkInput {
  number: string;
  agent: string;
  workspace?: string;
}

type Plan = (WorkspaceNumber & { agent: Agent | null }) | string;

/** Confirmations shown and not yet acted on, kept for this many inputs at most (a declined one is never taken). */
const PENDING = 20;

/**
 * `vogent_linkPhoneNumber`: links a number to an agent of its own workspace ("" unlinks), after the user
 * confirms. It does only what was confirmed: should the same words mean another number or agent by the
 * time it runs (a refresh, a rename), it changes nothing and says so.
 */
export function linkPhoneNumber(workspaces: VogentWorkspaces): vscode.LanguageModelTool<LinkInput> {
  const confirmed = new Map<string, string>();
  return {
    prepareInvocation: async ({ input }, token) => {
      const plan = await planLink(workspaces, input, token);
      if (typeof plan === 'string') return { invocationMessage: 'Checking the Vogent phone number' };
      // Deleted first so that the newest confirmation is last in the map's order, and the oldest goes first.
      confirmed.delete(keyOf(input));
      confirmed.set(keyOf(input), signatureOf(plan));
      if (confirmed.size > PENDING) confirmed.delete(confirmed.keys().next().value as string);
      const now = currentAgent(plan);
      const next = plan.agent ? `${plan.agent.name} (id ${plan.agent.id})` : 'no agent (unlinked)';
      const where = workspaces.all.length > 1 ? ` in the Vogent workspace ${plan.workspace.name}` : '';
      // Plain text: the names come from the API and are not Markdown.
      const message = `${plan.number.number}${where} is answered by ${now} now. After this it will be answered by ${next}.`;
      return {
        invocationMessage: plan.agent ? `Linking ${plan.number.number} to ${plan.agent.name}` : `Unlinking ${plan.number.number}`,
        confirmationMessages: { title: plan.agent ? 'Link a Vogent phone number?' : 'Unlink a Vogent phone number?', message },
      };
    },
    invoke: async ({ input }, token) => {
      const shown = confirmed.get(keyOf(input));
      confirmed.delete(keyOf(input));
      const plan = await planLink(workspaces, input, token);
      if (typeof plan === 'string') return answer(plan);
      // Only what the user saw and confirmed: no confirmation was shown when the check failed at first.
      if (shown !== signatureOf(plan)) return answer(shown === undefined ? NOT_CONFIRMED : changedMeanwhile(plan));
      const before = currentAgent(plan);
      try {
        const updated = await plan.workspace.connection.setAgent(plan.number.id, plan.agent?.id ?? null);
        const after = plan.agent ? `linked to ${plan.agent.name} (id ${plan.agent.id})` : 'unlinked';
        return answer(`${updated.number} is now ${after}; before, it was answered by ${before}.`);
      } catch (error) {
        return answer(failure(`Changing the agent of ${plan.number.number}`, error, workspaces, plan.workspace));
      }
    },
  };
}

/** The input a confirmation was asked for, as one comparable value. */
function keyOf(input: LinkInput): string {
  return JSON.stringify([input.number, input.agent, input.workspace ?? '']);
}

/** What a plan changes: which number of which workspace, to which agent. */
function signatureOf(plan: Exclude<Plan, string>): string {
  return [plan.workspace.id, plan.number.id, plan.agent?.id ?? ''].join('\n');
}

const NOT_CONFIRMED = 'Nothing was changed: the user was not asked to confirm this change, since checking it failed at first. Ask again, so that they can confirm it.';

function changedMeanwhile(plan: Exclude<Plan, string>): string {
  const now = plan.agent ? `${plan.number.number} to ${plan.agent.name} (id ${plan.agent.id})` : `unlinking ${plan.number.number}`;
  return `Nothing was changed: since the confirmation, the number or agent asked for has come to mean another one (it would now be ${now}). Ask again to confirm that.`;
}

function currentAgent({ workspace, number }: WorkspaceNumber): string {
  return number.agentId === null ? 'no agent' : agentLabel(number.agentId, workspace.connection.agents);
}

/** What the link would do, or the sentence that says why it cannot be done. */
async function planLink(workspaces: VogentWorkspaces, input: LinkInput, token: vscode.CancellationToken): Promise<Plan> {
  await workspaces.ready;
  if (typeof input.number !== 'string' || typeof input.agent !== 'string') return 'Give "number" (a phone number in any format, or its id) and "agent" (a name or id; "" unlinks).';
  const covered = await cover(workspaces, input.workspace, token);
  if (typeof covered === 'string') return covered;
  const found = resolveNumber(workspaces, covered.searched, input.number);
  if (typeof found === 'string') return [found, ...notSearchedLine(covered)].join(' ');
  if (input.agent.trim() === '') return { ...found, agent: null };
  const agent = await resolveAgent(workspaces, found.workspace, input.agent);
  return isProblem(agent) ? agent.why : { ...found, agent };
}
