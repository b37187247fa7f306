import * as vscode from 'vscode';
import type { VogentWorkspaces } from './workspaces/vogentWorkspaces';

/**
 * Mirrors the workspaces' state into the context keys that the welcome views, menus and enablement
 * read. The one place that sets them, so they cannot disagree with the connections. With several
 * workspaces, a rejected key or an empty workspace shows in its own node, not in the view's welcome.
 */
export function publishContextKeys(workspaces: VogentWorkspaces): vscode.Disposable {
  const published = new Map<string, boolean>();
  const set = (name: string, value: boolean) => {
    if (published.get(name) === value) return;
    published.set(name, value);
    void vscode.commands.executeCommand('setContext', name, value);
  };
  let keysRead = false;
  const publish = () => {
    const all = workspaces.all;
    const only = all.length === 1 ? all[0].connection : undefined;
    // Until the keys are read, "no key" is not known: the welcome that asks for one waits for this.
    set('vogent.keysRead', keysRead);
    set('vogent.hasApiKey', all.some((w) => w.connection.status !== 'no-key'));
    set('vogent.severalWorkspaces', all.length > 1);
    set('vogent.apiKeyRejected', only?.status === 'rejected');
    set('vogent.noNumbers', only?.status === 'ready' && only.numbers.complete && only.numbers.groups().length === 0);
  };
  publish();
  const read = () => {
    keysRead = true;
    publish();
  };
  void workspaces.ready.then(read, read);
  return vscode.Disposable.from(workspaces.onDidChangeList(publish), workspaces.onDidChangeState(publish));
}
