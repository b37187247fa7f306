import * as vscode from 'vscode';
import type { VogentConnection } from '../connection/vogentConnection';
import { isVogentError } from '../vogent/errors';
import { reportError } from './reportError';
import { requireUsableKey } from './requireKey';

export function refresh(connection: VogentConnection) {
  return async (): Promise<void> => {
    if (!(await requireUsableKey(connection))) return;
    try {
      await connection.refresh();
    } catch (error) {
      // A rejected key shows in the view's welcome instead.
      if (isVogentError(error, 'unauthorized') || connection.status !== 'ready') return;
      await reportError('Could not refresh the phone numbers', error, () => vscode.commands.executeCommand('vogent.refresh'));
    }
  };
}
