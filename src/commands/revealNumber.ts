import * as vscode from 'vscode';
import type { VogentConnection } from '../connection/vogentConnection';
import { VIEW_ID, type PhoneNumbersProvider, type TreeNode } from '../tree/phoneNumbersProvider';
import { reportError } from './reportError';
import { requireUsableKey } from './requireKey';

/**
 * Shows a number (given by id or in any format, or asked for) in the Phone Numbers view: loads the pages
 * needed, expands its group far enough, and selects it.
 */
export function revealNumber(connection: VogentConnection, provider: PhoneNumbersProvider, view: vscode.TreeView<TreeNode>) {
  return async (idOrNumber?: unknown): Promise<void> => {
    const wanted = typeof idOrNumber === 'string' ? idOrNumber : await vscode.window.showInputBox({ title: 'Reveal a Phone Number', prompt: 'A phone number in any format, or its ID' });
    if (!wanted || !(await requireUsableKey(connection))) return;
    let number = connection.numbers.index.find(wanted);
    if (!number && !connection.numbers.complete) {
      try {
        await vscode.window.withProgress({ location: { viewId: VIEW_ID }, title: 'Looking up the number' }, () => connection.loadAll(new AbortController().signal));
      } catch (error) {
        return reportError('Could not load the phone numbers', error);
      }
      number = connection.numbers.index.find(wanted);
    }
    if (!number) return void vscode.window.showInformationMessage(`${wanted} is not a number of your Vogent workspace.`);
    await vscode.commands.executeCommand('vogent.phoneNumbers.focus');
    await view.reveal(provider.rowOf(number), { select: true, focus: true, expand: true });
  };
}
