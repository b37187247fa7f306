import * as vscode from 'vscode';
import { displayNumber } from '../numbers/formatNumber';
import { agentName } from '../numbers/presentation';
import { isVogentError } from '../vogent/errors';
import type { Agent } from '../vogent/shapes';
import type { VogentWorkspaces } from '../workspaces/vogentWorkspaces';
import { linkedNumberOf, pickNumber } from './pickNumber';
import { reportError } from './reportError';
import { requireUsableKey } from './requireKey';
import { inWorkspace, numberOf, type WorkspaceNumber } from './target';
import { tell } from './tell';

interface AgentPick extends vscode.QuickPickItem {
  agent: Agent;
}

/** Links a number to an agent picked from its own workspace's agents. */
export function linkAgent(workspaces: VogentWorkspaces) {
  return async (target?: unknown): Promise<void> => {
    const picked = numberOf(workspaces, target) ?? (await pickNumber(workspaces, { title: 'Link to Agent: pick a number' }));
    if (!picked || !(await requireUsableKey(workspaces, picked.workspace))) return;
    const agent = await pickAgent(workspaces, picked);
    if (agent) await setAgent(picked, agent);
  };
}

/** Unlinks a number from its agent, after a modal confirmation. */
export function unlinkAgent(workspaces: VogentWorkspaces) {
  return async (target?: unknown): Promise<void> => {
    const picked = await linkedNumberOf(workspaces, target, 'Unlink Agent: pick a number');
    if (!picked || !(await requireUsableKey(workspaces, picked.workspace))) return;
    const { number, workspace } = picked;
    const where = inWorkspace(workspaces, workspace);
    const choice = await vscode.window.showWarningMessage(
      `Unlink ${displayNumber(number)}${where} from ${agentName(number.agentId, workspace.connection.agents)}?`,
      { modal: true, detail: 'Calls to this number will no longer reach the agent until it is linked again.' },
      'Unlink',
    );
    if (choice === 'Unlink') await setAgent(picked, null);
  };
}

/** A picker over every agent; a load that failed before is tried again, and a failure now is reported, not shown as "no agents". */
async function pickAgent(workspaces: VogentWorkspaces, { workspace, number }: WorkspaceNumber): Promise<Agent | undefined> {
  let failure: unknown;
  const closeOnFailure = new vscode.CancellationTokenSource();
  const items = workspace.connection.agentList().then(
    (agents) =>
      agents
        .sort((a, b) => a.name.localeCompare(b.name))
        .map<AgentPick>((agent) => ({ agent, label: agent.name, description: agent.id === number.agentId ? 'linked now' : agent.language, detail: agent.id })),
    (error: unknown) => {
      failure = error;
      closeOnFailure.cancel();
      return [];
    },
  );
  const picked = await vscode.window.showQuickPick(items, {
    title: `Link ${displayNumber(number)} to an agent${inWorkspace(workspaces, workspace).replace(' in ', ' of ')}`,
    placeHolder: 'Type an agent name or ID (an agent created in the Vogent dashboard since the list loaded shows after Refresh)',
    matchOnDetail: true,
  }, closeOnFailure.token);
  closeOnFailure.dispose();
  if (failure !== undefined) void reportError('Could not load the agents', failure);
  return picked?.agent;
}

async function setAgent({ workspace, number }: WorkspaceNumber, agent: Agent | null): Promise<void> {
  const shown = displayNumber(number);
  const title = agent ? `Linking ${shown} to ${agent.name}…` : `Unlinking ${shown}…`;
  try {
    const updated = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () =>
      workspace.connection.setAgent(number.id, agent?.id ?? null),
    );
    tell(agent ? `${displayNumber(updated)} linked to ${agent.name}` : `${displayNumber(updated)} unlinked`, agent ? 'link' : 'debug-disconnect');
  } catch (error) {
    // The PUT carries no signal, so this is the workspace removed before it was sent: nothing was asked of Vogent.
    if (isVogentError(error, 'cancelled')) void vscode.window.showWarningMessage(`${shown} was not changed: its Vogent workspace was removed.`);
    else await reportError(agent ? `Could not link ${shown}` : `Could not unlink ${shown}`, error);
  }
}
