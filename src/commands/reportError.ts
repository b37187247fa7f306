import * as vscode from 'vscode';
import { isVogentError } from '../vogent/errors';

/** The edge where an error becomes a notification: its message, a Retry when one makes sense, and the log. */
export async function reportError(what: string, error: unknown, retry?: () => Thenable<unknown>): Promise<void> {
  // Cancelled on purpose (a workspace removed, a picker closed): nothing went wrong.
  if (isVogentError(error, 'cancelled')) return;
  const message = error instanceof Error ? error.message : String(error);
  const actions = retry ? ['Retry', 'Show Logs'] : ['Show Logs'];
  const choice = await vscode.window.showErrorMessage(`${what}: ${message}`, ...actions);
  if (choice === 'Retry') await retry?.();
  if (choice === 'Show Logs') await vscode.commands.executeCommand('vogent.showLogs');
}
