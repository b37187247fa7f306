import * as vscode from 'vscode';
import type { PhoneNumbersProvider, TreeNode } from '../tree/phoneNumbersProvider';
import type { VogentWorkspaces } from '../workspaces/vogentWorkspaces';
import { clearApiKey } from './clearApiKey';
import { copyNumber, copyNumberAs, copyNumberId, copySelectedNumber } from './copyNumber';
import { linkAgent, unlinkAgent } from './linkAgent';
import { loadMore, showEarlier } from './loadMore';
import { openAgent } from './openAgent';
import { refresh } from './refresh';
import { revealNumber } from './revealNumber';
import { setApiKey, type KeyCommandDeps } from './setApiKey';
import { addWorkspace, removeWorkspace, renameWorkspace } from './workspaceCommands';

export interface CommandParts {
  workspaces: VogentWorkspaces;
  provider: PhoneNumbersProvider;
  view: vscode.TreeView<TreeNode>;
  log: vscode.LogOutputChannel;
  keys: KeyCommandDeps;
}

/** Every command the extension contributes (package.json), each to its handler. */
export function registerCommands({ workspaces, provider, view, log, keys }: CommandParts): vscode.Disposable[] {
  const command = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run);
  return [
    command('vogent.setApiKey', setApiKey(keys)),
    command('vogent.clearApiKey', clearApiKey(workspaces)),
    command('vogent.addWorkspace', addWorkspace(keys)),
    command('vogent.renameWorkspace', renameWorkspace(keys)),
    command('vogent.removeWorkspace', removeWorkspace(keys)),
    command('vogent.refresh', refresh(workspaces)),
    command('vogent.loadMore', loadMore(provider)),
    command('vogent.showEarlier', showEarlier(provider)),
    command('vogent.showLogs', () => log.show(true)),
    command('vogent.copyNumber', copyNumber(workspaces)),
    command('vogent.copyNumberAs', copyNumberAs(workspaces)),
    command('vogent.copyNumberId', copyNumberId(workspaces)),
    command('vogent.copySelectedNumber', copySelectedNumber(workspaces, view)),
    command('vogent.openAgent', openAgent(workspaces)),
    command('vogent.linkAgent', linkAgent(workspaces)),
    command('vogent.unlinkAgent', unlinkAgent(workspaces)),
    command('vogent.revealNumber', revealNumber(workspaces, provider, view)),
  ];
}
