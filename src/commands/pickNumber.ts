import * as vscode from 'vscode';
import type { VogentConnection } from '../connection/vogentConnection';
import { agentName, typeName } from '../numbers/presentation';
import { PhoneNumberItem } from '../tree/phoneNumberItem';
import { isVogentError } from '../vogent/errors';
import type { PhoneNumber } from '../vogent/shapes';
import { reportError } from './reportError';
import { requireUsableKey } from './requireKey';

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
  connection: VogentConnection,
  target: unknown,
  title: string,
): Promise<(PhoneNumber & { agentId: string }) | undefined> {
  const number = numberOf(target) ?? (await pickNumber(connection, { title, only: (n) => n.agentId !== null }));
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
 * It always lists the connection's current state (a refresh or a new key meanwhile is followed), and
 * closing it stops the loading it started.
 */
export async function pickNumber(
  connection: VogentConnection,
  options: { title: string; only?: (n: PhoneNumber) => boolean },
): Promise<PhoneNumber | undefined> {
  if (!requireUsableKey(connection)) return undefined;
  const pick = vscode.window.createQuickPick<NumberPick>();
  Object.assign(pick, { title: options.title, placeholder: 'Type a number, agent name, type or ID', matchOnDescription: true, matchOnDetail: true, busy: true });
  const closed = new AbortController();
  const show = () => {
    const active = pick.activeItems[0]?.phoneNumber.id;
    pick.items = itemsFor(connection, options.only);
    const keep = pick.items.find((item) => item.phoneNumber.id === active);
    if (keep) pick.activeItems = [keep];
  };
  const stop = connection.onDidChange(show);
  show();
  connection.loadAll(closed.signal).then(
    () => {
      pick.busy = false;
      if (pick.items.length === 0) pick.placeholder = 'No matching phone numbers in this workspace';
    },
    (error: unknown) => {
      pick.busy = false;
      if (closed.signal.aborted || isVogentError(error, 'cancelled')) return;
      if (connection.status !== 'ready') requireUsableKey(connection);
      else void reportError('Could not load every phone number', error);
    },
  );
  try {
    return await chosen(pick);
  } finally {
    closed.abort();
    stop();
    pick.dispose();
  }
}

function itemsFor(connection: VogentConnection, only: ((n: PhoneNumber) => boolean) | undefined): NumberPick[] {
  const { agents } = connection;
  const items: NumberPick[] = [];
  for (const n of connection.numbers.all()) {
    if (only && !only(n)) continue;
    items.push({ phoneNumber: n, label: n.number, description: agentName(n.agentId, agents), detail: `${typeName(n.type)} · ${n.id}` });
  }
  return items;
}

function chosen(pick: vscode.QuickPick<NumberPick>): Promise<PhoneNumber | undefined> {
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.phoneNumber);
      pick.hide();
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
}
