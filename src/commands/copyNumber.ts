import * as vscode from 'vscode';
import type { VogentConnection } from '../connection/vogentConnection';
import { copyFormats, displayNumber } from '../numbers/formatNumber';
import { numberOf, pickNumber } from './pickNumber';
import { tell } from './tell';

/** Copies a number: the tree item's, or one picked from all the workspace's numbers. */
export function copyNumber(connection: VogentConnection) {
  return async (target?: unknown): Promise<void> => {
    const number = numberOf(target) ?? (await pickNumber(connection, { title: 'Copy Phone Number' }));
    if (number) await copy(number.number);
  };
}

/** Copies a number in the format the user picks: E.164, international, national, tel: URI, its ID, or its JSON. */
export function copyNumberAs(connection: VogentConnection) {
  return async (target?: unknown): Promise<void> => {
    const number = numberOf(target) ?? (await pickNumber(connection, { title: 'Copy Phone Number As…' }));
    if (!number) return;
    const picked = await vscode.window.showQuickPick(copyFormats(number).map(([label, value]) => ({ label, description: value, value })), {
      title: `Copy ${displayNumber(number)} as…`,
      placeHolder: 'Pick a format',
    });
    if (picked) await copy(picked.value);
  };
}

/** Copies the id of a tree item's number: API calls take the id. */
export function copyNumberId() {
  return async (target?: unknown): Promise<void> => {
    const number = numberOf(target);
    if (number) await copy(number.id);
  };
}

/** Ctrl/Cmd+C in the view: copies the number that has focus (the selection follows it). */
export function copySelectedNumber(view: vscode.TreeView<unknown>) {
  return async (): Promise<void> => {
    const number = numberOf(view.selection[0]);
    if (number) await copy(number.number);
    else tell('Nothing to copy here: select a phone number.', 'info');
  };
}

async function copy(text: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  tell(`Copied ${text}`, 'check');
}
