import * as vscode from 'vscode';
import { copyFormats, displayNumber } from '../numbers/formatNumber';
import type { VogentWorkspaces } from '../workspaces/vogentWorkspaces';
import { pickNumber } from './pickNumber';
import { numberOf } from './target';
import { tell } from './tell';

/** Copies a number: the tree item's, or one picked from all the workspaces' numbers. */
export function copyNumber(workspaces: VogentWorkspaces) {
  return async (target?: unknown): Promise<void> => {
    const picked = numberOf(workspaces, target) ?? (await pickNumber(workspaces, { title: 'Copy Phone Number' }));
    if (picked) await copy(picked.number.number);
  };
}

/** Copies a number in the format the user picks: E.164, international, national, tel: URI, its ID, or its JSON. */
export function copyNumberAs(workspaces: VogentWorkspaces) {
  return async (target?: unknown): Promise<void> => {
    const number = (numberOf(workspaces, target) ?? (await pickNumber(workspaces, { title: 'Copy Phone Number As…' })))?.number;
    if (!number) return;
    const picked = await vscode.window.showQuickPick(copyFormats(number).map(([label, value]) => ({ label, description: value, value })), {
      title: `Copy ${displayNumber(number)} as…`,
      placeHolder: 'Pick a format',
    });
    if (picked) await copy(picked.value);
  };
}

/** Copies the id of a tree item's number: API calls take the id. */
export function copyNumberId(workspaces: VogentWorkspaces) {
  return async (target?: unknown): Promise<void> => {
    const picked = numberOf(workspaces, target);
    if (picked) await copy(picked.number.id);
  };
}

/** Ctrl/Cmd+C in the view: copies the number that has focus (the selection follows it). */
export function copySelectedNumber(workspaces: VogentWorkspaces, view: vscode.TreeView<unknown>) {
  return async (): Promise<void> => {
    const picked = numberOf(workspaces, view.selection[0]);
    if (picked) await copy(picked.number.number);
    else tell('Nothing to copy here: select a phone number.', 'info');
  };
}

async function copy(text: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  tell(`Copied ${text}`, 'check');
}
