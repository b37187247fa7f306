import * as vscode from 'vscode';
import type { PhoneNumbersProvider, TreeNode } from '../tree/phoneNumbersProvider';
import type { VogentWorkspace, VogentWorkspaces, WorkspaceNumber } from '../workspaces/vogentWorkspaces';
import { reportError } from './reportError';
import { requireUsableKey } from './requireKey';
import { givenWorkspace, inWorkspace } from './target';

/**
 * Shows a number (given by id or in any format, or asked for) in the Phone Numbers view: loads the pages
 * needed, in its workspace when that is given, else in each, expands its group far enough, and selects it.
 */
export function revealNumber(workspaces: VogentWorkspaces, provider: PhoneNumbersProvider, view: vscode.TreeView<TreeNode>) {
  return async (idOrNumber?: unknown, workspaceId?: unknown): Promise<void> => {
    const only = givenWorkspace(workspaces, { workspaceId });
    if (only === 'removed' || !(await requireUsableKey(workspaces, only))) return;
    const wanted = typeof idOrNumber === 'string' ? idOrNumber : await vscode.window.showInputBox({ title: 'Reveal a Phone Number', prompt: 'A phone number in any format, or its ID' });
    if (!wanted) return;
    const found = workspaces.find(wanted, only) ?? (await loadAndFind(workspaces, wanted, only));
    if (found === 'failed') return;
    const where = workspaces.all.length > 1 ? 'any of your Vogent workspaces' : 'your Vogent workspace';
    if (!found) return void vscode.window.showInformationMessage(`${wanted} is not a number of ${only ? only.name : where}.`);
    await vscode.commands.executeCommand('vogent.phoneNumbers.focus');
    await view.reveal(provider.rowOf(found.workspace, found.number), { select: true, focus: true, expand: true });
  };
}

/**
 * Loads every page of the workspaces not yet complete, then looks again; a failed load is reported.
 * A long load (a number that is not there means every page) can be cancelled, which says nothing.
 */
async function loadAndFind(workspaces: VogentWorkspaces, wanted: string, only: VogentWorkspace | undefined): Promise<WorkspaceNumber | 'failed' | undefined> {
  const incomplete = (only ? [only] : workspaces.usable).filter((w) => !w.connection.numbers.complete);
  const stop = new AbortController();
  const loads = incomplete.map((workspace) => workspace.connection.loadAll(stop.signal).then(() => undefined, (error: unknown) => ({ workspace, error })));
  const progress = { location: vscode.ProgressLocation.Notification, title: `Looking up ${wanted} in Vogent`, cancellable: true };
  const failures = await vscode.window.withProgress(progress, (_, token) => {
    token.onCancellationRequested(() => stop.abort());
    return Promise.all(loads);
  });
  const found = workspaces.find(wanted, only);
  const failed = failures.find((f) => f !== undefined);
  if (found || !failed) return found;
  await reportError(`Could not load the phone numbers${inWorkspace(workspaces, failed.workspace)}`, failed.error);
  return 'failed';
}
