import * as vscode from 'vscode';
import type { VogentConnection } from '../connection/vogentConnection';
import { displayNumber } from '../numbers/formatNumber';
import { agentName } from '../numbers/presentation';
import type { Agent, PhoneNumber } from '../vogent/shapes';
import { linkedNumberOf, numberOf, pickNumber } from './pickNumber';
import { reportError } from './reportError';
import { requireUsableKey } from './requireKey';
import { tell } from './tell';

interface AgentPick extends vscode.QuickPickItem {
  agent: Agent;
}

/** Links a number to an agent picked from the workspace's agents. */
export function linkAgent(connection: VogentConnection) {
  return async (target?: unknown): Promise<void> => {
    const number = numberOf(target) ?? (await pickNumber(connection, { title: 'Link to Agent: pick a number' }));
    if (!number || !(await requireUsableKey(connection))) return;
    const agent = await pickAgent(connection, number);
    if (agent) await setAgent(connection, number, agent);
  };
}

/** Unlinks a number from its agent, after a modal confirmation. */
export function unlinkAgent(connection: VogentConnection) {
  return async (target?: unknown): Promise<void> => {
    const number = await linkedNumberOf(connection, target, 'Unlink Agent: pick a number');
    if (!number || !(await requireUsableKey(connection))) return;
    const choice = await vscode.window.showWarningMessage(
      `Unlink ${displayNumber(number)} from ${agentName(number.agentId, connection.agents)}?`,
      { modal: true, detail: 'Calls to this number will no longer reach the agent until it is linked again.' },
      'Unlink',
    );
    if (choice === 'Unlink') await setAgent(connection, number, null);
  };
}

/** A picker over every agent; a load that failed before is tried again, and a failure now is reported, not shown as "no agents". */
async function pickAgent(connection: VogentConnection, number: PhoneNumber): Promise<Agent | undefined> {
  let failure: unknown;
  const closeOnFailure = new vscode.CancellationTokenSource();
  const items = connection.agentList().then(
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
    title: `Link ${displayNumber(number)} to an agent`,
    placeHolder: 'Type an agent name or ID (no agents: create one in the Vogent dashboard)',
    matchOnDetail: true,
  }, closeOnFailure.token);
  closeOnFailure.dispose();
  if (failure !== undefined) void reportError('Could not load the agents', failure);
  return picked?.agent;
}

async function setAgent(connection: VogentConnection, number: PhoneNumber, agent: Agent | null): Promise<void> {
  const shown = displayNumber(number);
  const title = agent ? `Linking ${shown} to ${agent.name}…` : `Unlinking ${shown}…`;
  try {
    const updated = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () =>
      connection.setAgent(number.id, agent?.id ?? null),
    );
    tell(agent ? `${displayNumber(updated)} linked to ${agent.name}` : `${displayNumber(updated)} unlinked`, agent ? 'link' : 'debug-disconnect');
  } catch (error) {
    await reportError(agent ? `Could not link ${shown}` : `Could not unlink ${shown}`, error);
  }
}
