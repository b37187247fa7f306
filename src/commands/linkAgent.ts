import * as vscode from 'vscode';
import type { PhoneNumbersProvider } from '../tree/phoneNumbersProvider';
import type { Agent, PhoneNumber } from '../vogent/shapes';
import { linkedNumberOf, numberOf, pickNumber } from './pickNumber';
import { reportError } from './reportError';

interface AgentPick extends vscode.QuickPickItem {
  agent: Agent;
}

/** Links a number to an agent picked from the workspace's agents. */
export function linkAgent(provider: PhoneNumbersProvider) {
  return async (target?: unknown): Promise<void> => {
    const number = numberOf(target) ?? (await pickNumber(provider, { title: 'Link to Agent: pick a number' }));
    if (!number) return;
    const agent = await pickAgent(provider, number);
    if (agent) await setAgent(provider, number, agent);
  };
}

/** Unlinks a number from its agent, after a modal confirmation. */
export function unlinkAgent(provider: PhoneNumbersProvider) {
  return async (target?: unknown): Promise<void> => {
    const number = await linkedNumberOf(provider, target, 'Unlink Agent: pick a number');
    if (!number) return;
    const agentName = provider.agentDirectory.get(number.agentId)?.name ?? number.agentId;
    const choice = await vscode.window.showWarningMessage(
      `Unlink ${number.number} from ${agentName}?`,
      { modal: true, detail: 'Calls to this number will no longer reach the agent until it is linked again.' },
      'Unlink',
    );
    if (choice === 'Unlink') await setAgent(provider, number, null);
  };
}

async function pickAgent(provider: PhoneNumbersProvider, number: PhoneNumber): Promise<Agent | undefined> {
  const agents = provider.agentDirectory;
  const items = agents.load().then(
    (all) =>
      [...all.values()]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map<AgentPick>((agent) => ({
          agent,
          label: agent.name,
          description: agent.id === number.agentId ? 'linked now' : agent.language,
          detail: agent.id,
        })),
    (error: unknown) => {
      // Not awaited: the picker would spin until the notification is dismissed.
      void reportError('Could not load the agents', error);
      return [];
    },
  );
  const picked = await vscode.window.showQuickPick(items, {
    title: `Link ${number.number} to an agent`,
    placeHolder: 'Type an agent name or ID (no agents: create one in the Vogent dashboard)',
    matchOnDetail: true,
  });
  return picked?.agent;
}

async function setAgent(provider: PhoneNumbersProvider, number: PhoneNumber, agent: Agent | null): Promise<void> {
  const title = agent ? `Linking ${number.number} to ${agent.name}…` : `Unlinking ${number.number}…`;
  try {
    const updated = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () =>
      provider.setAgent(number.id, agent?.id ?? null),
    );
    vscode.window.setStatusBarMessage(agent ? `$(link) ${updated.number} → ${agent.name}` : `$(debug-disconnect) ${updated.number} unlinked`, 4000);
  } catch (error) {
    await reportError(agent ? `Could not link ${number.number}` : `Could not unlink ${number.number}`, error);
  }
}
