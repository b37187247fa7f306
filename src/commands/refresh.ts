import * as vscode from 'vscode';
import { VIEW_ID } from '../tree/phoneNumbersProvider';
import { isVogentError } from '../vogent/errors';
import type { VogentWorkspace, VogentWorkspaces } from '../workspaces/vogentWorkspaces';
import { reportError } from './reportError';
import { requireUsableKey } from './requireKey';
import { givenWorkspace, inWorkspace } from './target';

/** Refreshes the workspace it is given (its node, its Retry), or every workspace with a usable key. */
export function refresh(workspaces: VogentWorkspaces) {
  return async (target?: unknown): Promise<void> => {
    const only = givenWorkspace(workspaces, target);
    if (only === 'removed') return;
    if (!(await requireUsableKey(workspaces, only))) return;
    const chosen = only ? [only] : workspaces.usable;
    // The reload fills new pages that no view draws until they are swapped in: the view's bar shows it runs.
    await vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => Promise.all(chosen.map((workspace) => refreshOne(workspaces, workspace))));
  };
}

async function refreshOne(workspaces: VogentWorkspaces, workspace: VogentWorkspace): Promise<void> {
  try {
    await workspace.connection.refresh();
  } catch (error) {
    // A rejected key shows in the view instead.
    if (isVogentError(error, 'unauthorized') || workspace.connection.status !== 'ready') return;
    const again = () => vscode.commands.executeCommand('vogent.refresh', { workspaceId: workspace.id });
    await reportError(`Could not refresh the phone numbers${inWorkspace(workspaces, workspace)}`, error, again);
  }
}
