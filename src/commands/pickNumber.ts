import * as vscode from 'vscode';
import { agentName, typeName } from '../numbers/presentation';
import type { PhoneNumbersProvider } from '../tree/phoneNumbersProvider';
import { PhoneNumberItem } from '../tree/phoneNumberItem';
import { isVogentError } from '../vogent/errors';
import type { PhoneNumber } from '../vogent/shapes';
import { reportError } from './reportError';

interface NumberPick extends vscode.QuickPickItem {
  phoneNumber: PhoneNumber;
}

/** The number a command was given: a tree item, or anything carrying a `phoneNumber`. */
export function numberOf(target: unknown): PhoneNumber | undefined {
  if (target instanceof PhoneNumberItem) return target.phoneNumber;
  const candidate = (target as { phoneNumber?: PhoneNumber } | undefined)?.phoneNumber;
  return candidate && typeof candidate.id === 'string' ? candidate : undefined;
}

/**
 * The linked number a command was given, or one picked among the linked numbers. An unlinked number
 * gets a message instead of a broken action.
 */
export async function linkedNumberOf(
  provider: PhoneNumbersProvider,
  target: unknown,
  title: string,
): Promise<(PhoneNumber & { agentId: string }) | undefined> {
  const number = numberOf(target) ?? (await pickNumber(provider, { title, only: (n) => n.agentId !== null }));
  if (!number) return undefined;
  if (number.agentId === null) {
    void vscode.window.showInformationMessage(`${number.number} is not linked to an agent.`);
    return undefined;
  }
  return { ...number, agentId: number.agentId };
}

/**
 * A quick pick over all the workspace's numbers, not only the loaded pages: it shows what is loaded
 * at once, stays busy while the remaining pages arrive, and matches number, agent, type and id.
 */
export async function pickNumber(
  provider: PhoneNumbersProvider,
  options: { title: string; only?: (n: PhoneNumber) => boolean },
): Promise<PhoneNumber | undefined> {
  const pick = vscode.window.createQuickPick<NumberPick>();
  pick.title = options.title;
  pick.placeholder = 'Type a number, agent name, type or ID';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.busy = true;
  let open = true;

  const show = () => {
    const agents = provider.agentDirectory;
    const active = pick.activeItems[0]?.phoneNumber.id;
    pick.items = provider.numbers
      .all()
      .filter(options.only ?? (() => true))
      .map((n) => ({ phoneNumber: n, label: n.number, description: agentName(n.agentId, agents), detail: `${typeName(n.type)} · ${n.id}` }));
    const keep = pick.items.find((item) => item.phoneNumber.id === active);
    if (keep) pick.activeItems = [keep];
  };
  const stop = provider.numbers.onDidChange(show);
  show();

  provider.loadAll().then(
    () => {
      pick.busy = false;
      show();
      if (pick.items.length === 0) pick.placeholder = 'No matching phone numbers in this workspace';
    },
    (error: unknown) => {
      pick.busy = false;
      show();
      // A reset (new key) cancels the load; a closed picker needs no report.
      if (open && !isVogentError(error, 'cancelled') && !isVogentError(error, 'unauthorized')) {
        void reportError('Could not load every phone number', error);
      }
    },
  );

  const chosen = await new Promise<PhoneNumber | undefined>((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.phoneNumber);
      pick.hide();
    });
    pick.onDidHide(() => {
      open = false;
      resolve(undefined);
    });
    pick.show();
  });
  stop();
  pick.dispose();
  return chosen;
}
