import * as vscode from 'vscode';
import type { VogentConnection } from '../connection/vogentConnection';
import { displayNumber } from '../numbers/formatNumber';
import { agentName, typeName } from '../numbers/presentation';
import { PhoneNumberItem } from '../tree/phoneNumberItem';
import { isVogentError } from '../vogent/errors';
import type { PhoneNumber } from '../vogent/shapes';
import { reportError } from './reportError';
import { throttle } from '../throttle';
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
    void vscode.window.showInformationMessage(`${displayNumber(number)} is not linked to an agent.`);
    return undefined;
  }
  return { ...number, agentId: number.agentId };
}

/** The most items the picker holds: the best matches of what is typed, never the whole workspace. */
const SHOWN = 200;

/**
 * A quick pick over all the workspace's numbers, not only the loaded pages. It filters in the
 * extension: it holds the best matches of what is typed (digits whatever the separators, agent name,
 * type, ID), re-queried as the user types and as pages land, and says how many match while the rest
 * loads. It always lists the connection's current state, and closing it stops the loading it started.
 */
export async function pickNumber(
  connection: VogentConnection,
  options: { title: string; only?: (n: PhoneNumber) => boolean },
): Promise<PhoneNumber | undefined> {
  if (!(await requireUsableKey(connection))) return undefined;
  const pick = vscode.window.createQuickPick<NumberPick>();
  Object.assign(pick, { placeholder: 'Type a number in any format, an agent name, a type or an ID', busy: true, keepScrollPosition: true });
  const closed = new AbortController();
  const render = throttle(() => show(pick, connection, options), 100);
  const subscriptions = [pick.onDidChangeValue(render), { dispose: connection.onDidChange(render) }, render];
  show(pick, connection, options);
  connection.loadAll(closed.signal).then(
    () => {
      if (closed.signal.aborted) return;
      pick.busy = false;
      show(pick, connection, options);
    },
    (error: unknown) => {
      if (closed.signal.aborted || isVogentError(error, 'cancelled')) return;
      pick.busy = false;
      show(pick, connection, options);
      if (connection.status !== 'ready') void requireUsableKey(connection);
      else void reportError('Could not load every phone number', error);
    },
  );
  try {
    return await chosen(pick);
  } finally {
    closed.abort();
    for (const subscription of subscriptions) subscription.dispose();
    pick.dispose();
  }
}

/** Lists the best matches of what is typed, keeping the highlighted number when it still matches. */
function show(pick: vscode.QuickPick<NumberPick>, connection: VogentConnection, options: { title: string; only?: (n: PhoneNumber) => boolean }): void {
  const { numbers, agents } = connection;
  const { matches, total } = numbers.index.search(pick.value, { limit: SHOWN, agents, only: options.only });
  const active = pick.activeItems[0]?.phoneNumber.id;
  pick.items = matches.map((n) => ({ phoneNumber: n, label: displayNumber(n), description: agentName(n.agentId, agents), detail: `${typeName(n.type)} · ${n.id}`, alwaysShow: true }));
  const keep = pick.items.find((item) => item.phoneNumber.id === active);
  if (keep) pick.activeItems = [keep];
  pick.title = `${options.title} — ${countLine(total, numbers.size, pick.busy ? numbers.pagesLoaded + 1 : undefined)}`;
}

function countLine(matching: number, loaded: number, loadingPage: number | undefined): string {
  const counts = `${matching.toLocaleString('en-US')} of ${loaded.toLocaleString('en-US')} match`;
  return loadingPage === undefined ? counts : `${counts} · loading page ${loadingPage.toLocaleString('en-US')}…`;
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
