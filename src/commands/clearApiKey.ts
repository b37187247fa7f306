import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import { reportError } from './reportError';
import { tell } from './tell';

export function clearApiKey(keys: ApiKeyStore) {
  return async (): Promise<void> => {
    const choice = await vscode.window.showWarningMessage(
      'Remove the Vogent API key from VS Code?',
      { modal: true, detail: 'The Phone Numbers view will ask for a key again. The key stays valid in Vogent until you revoke it there.' },
      'Remove',
    );
    if (choice !== 'Remove') return;
    try {
      await keys.remove();
      tell('Vogent API key removed', 'check');
    } catch (error) {
      await reportError('Could not remove the key from VS Code\'s secret storage', error);
    }
  };
}
