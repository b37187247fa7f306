import * as vscode from 'vscode';
import type { VogentConnection } from './connection/vogentConnection';

/**
 * Mirrors the connection's state into the context keys that the welcome views, menus and enablement
 * read. The one place that sets them, so they cannot disagree with the connection.
 */
export function publishContextKeys(connection: VogentConnection): vscode.Disposable {
  const published = new Map<string, boolean>();
  const set = (name: string, value: boolean) => {
    if (published.get(name) === value) return;
    published.set(name, value);
    void vscode.commands.executeCommand('setContext', name, value);
  };
  const publish = () => {
    const status = connection.status;
    set('vogent.hasApiKey', status !== 'no-key');
    set('vogent.apiKeyRejected', status === 'rejected');
    set('vogent.noNumbers', status === 'ready' && connection.numbers.complete && connection.numbers.groups().length === 0);
  };
  publish();
  return { dispose: connection.onDidChange(publish) };
}
