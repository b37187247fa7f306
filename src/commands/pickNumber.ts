import * as vscode from 'vscode';
import { agentName } from '../numbers/presentation';
import type { PhoneNumbersProvider } from '../tree/phoneNumbersProvider';
import { PhoneNumberItem } from '../tree/phoneNumberItem';
import type { PhoneNumber } from '../vogent/shapes';
import { reportError } from './reportError';

interface NumberPick extends vscode.QuickPickItem {
  phoneNumber: PhoneNumber;
}

const TYPE_NAMES: Record<string, string> = { PSTN: 'PSTN', SIP_USERNAME: 'SIP username' };

/** The number a command was given: a tree item, or anything carrying a `phoneNumber`. */
export function numberOf(target: unknown): PhoneNumber | undefined {
  if (target instanceof PhoneNumberItem) return target.phoneNumber;
  const candidate = (target as { phoneNumber?: PhoneNumber } | undefined)?.phoneNumber;
  return candidate && typeof candidate.id === 'string' ? candidate : undefined;
}

/**
 * A quick pick over all the workspace's numbers, not only the loaded pages: it shows what is loaded
 * at once, stays busy while the remaining pages arrive, and matches number, agent, type and id.
 */
export async function pickNumber(
  provider: PhoneNumbersProvider,
  options: { title: string; only?: (n: PhoneNumber) => boolean },
): Promise<PhoneNumber | undefined> {
  const pages = provider.numbers;
  const agents = provider.agentDirectory;
  const pick = vscode.window.createQuickPick<NumberPick>();
  pick.title = options.title;
  pick.placeholder = 'Type a number, agent name, type or ID';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.busy = true;

  const show = () => {
    const active = pick.activeItems[0]?.phoneNumber.id;
    pick.items = pages
      .all()
      .filter(options.only ?? (() => true))
      .map((n) => ({
        phoneNumber: n,
        label: n.number,
        description: agentName(n.agentId, agents),
        detail: `${n.type === undefined ? 'No type' : (TYPE_NAMES[n.type] ?? n.type)} · ${n.id}`,
      }));
    const keep = pick.items.find((item) => item.phoneNumber.id === active);
    if (keep) pick.activeItems = [keep];
  };
  const stop = pages.onDidChange(show);
  show();

  const loading = Promise.all([pages.loadUntil(() => false), agents.load()]).then(
    () => undefined,
    (error: unknown) => error,
  );
  void loading.then((error) => {
    pick.busy = false;
    show();
    if (error) void reportError('Could not load every phone number', error);
    else if (pick.items.length === 0) pick.placeholder = 'No matching phone numbers in this workspace';
  });

  const chosen = await new Promise<PhoneNumber | undefined>((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.phoneNumber);
      pick.hide();
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  stop();
  pick.dispose();
  return chosen;
}
