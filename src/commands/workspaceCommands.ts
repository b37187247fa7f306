import * as vscode from 'vscode';
import { WorkspaceConflict } from '../workspaces/vogentWorkspaces';
import { askForKey, saveGivenKey, type KeyPromptOptions } from './keyPrompt';
import { reportError } from './reportError';
import type { KeyCommandDeps } from './setApiKey';
import { workspaceFor } from './target';
import { tell } from './tell';

/** Asks a name, then the workspace's key, checked like Set API Key…; the workspace exists once its key is saved. */
export function addWorkspace(deps: KeyCommandDeps) {
  return async (nameArg?: unknown, keyArg?: unknown): Promise<void> => {
    const { workspaces } = deps;
    await workspaces.ready;
    // The empty "Vogent" of a fresh install is replaced by the first workspace added (see VogentWorkspaces.add).
    const problemOf = (name: string) => workspaces.nameProblem(name, workspaces.blank?.id);
    const given = deps.acceptsArguments && typeof nameArg === 'string' ? nameArg : undefined;
    const name = given ?? (await askName(problemOf, 'Add a Vogent Workspace (1/2)', ''));
    if (name === undefined) return;
    const problem = problemOf(name);
    if (problem) return void vscode.window.showErrorMessage(problem);
    const options: KeyPromptOptions = {
      title: `Add a Vogent Workspace (2/2): the API key of ${name.trim()}`,
      clientWithKey: deps.clientWithKey,
      holderOf: (key) => workspaces.holderOf(key)?.name,
      save: async (key) => void (await workspaces.add(name, key)),
    };
    const saved = given !== undefined && typeof keyArg === 'string' ? await saveGivenKey(options, keyArg.trim()) : await askForKey(options);
    if (saved) tell(`Vogent workspace ${name.trim()} added`, 'check');
  };
}

export function renameWorkspace(deps: KeyCommandDeps) {
  return async (target?: unknown, nameArg?: unknown): Promise<void> => {
    const { workspaces } = deps;
    const workspace = await workspaceFor(workspaces, target, 'Rename which workspace?');
    if (!workspace) return;
    const problemOf = (name: string) => workspaces.nameProblem(name, workspace.id);
    const name = deps.acceptsArguments && typeof nameArg === 'string' ? nameArg : await askName(problemOf, `Rename ${workspace.name}`, workspace.name);
    if (name === undefined || name.trim() === workspace.name) return;
    const problem = problemOf(name);
    if (problem) return void vscode.window.showErrorMessage(problem);
    try {
      if (await workspaces.rename(workspace.id, name)) tell(`Renamed to ${name.trim()}`, 'check');
      else void vscode.window.showInformationMessage(`${workspace.name} was removed meanwhile.`);
    } catch (error) {
      await reportError(`Could not rename ${workspace.name}`, error);
    }
  };
}

/** Forgets a workspace and deletes its key, after asking. The last one stays: Remove API Key is its way out. */
export function removeWorkspace(deps: KeyCommandDeps) {
  return async (target?: unknown): Promise<void> => {
    const { workspaces } = deps;
    if (workspaces.all.length < 2) return void vscode.window.showInformationMessage('This is the only Vogent workspace. To disconnect it, remove its API key.');
    const workspace = await workspaceFor(workspaces, target, 'Remove which workspace?');
    if (!workspace) return;
    const choice = await vscode.window.showWarningMessage(
      `Remove the Vogent workspace ${workspace.name}?`,
      { modal: true, detail: 'Its numbers leave the view and its API key is deleted from VS Code. The key stays valid in Vogent until you revoke it there.' },
      'Remove',
    );
    if (choice !== 'Remove') return;
    try {
      if (await workspaces.remove(workspace.id)) tell(`Vogent workspace ${workspace.name} removed`, 'check');
    } catch (error) {
      if (error instanceof WorkspaceConflict) return void vscode.window.showErrorMessage(error.message);
      await reportError(`${workspace.name} was removed, but its key could not be deleted from VS Code's secret storage`, error);
    }
  };
}

function askName(problemOf: (name: string) => string | undefined, title: string, value: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title,
    value,
    prompt: 'A name that tells this Vogent workspace apart, such as Staging, Production or a client\'s name.',
    placeHolder: 'Workspace name',
    ignoreFocusOut: true,
    validateInput: problemOf,
  });
}
