import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';

export function clearApiKey(keys: ApiKeyStore) {
  return async (): Promise<void> => {
    const choice = await vscode.window.showWarningMessage(
      'Remove the Vogent API key from VS Code?',
      { modal: true, detail: 'The Phone Numbers view will ask for a key again. The key stays valid in Vogent until you revoke it there.' },
      'Remove',
    );
    if (choice !== 'Remove') return;
    await keys.remove();
    void vscode.window.setStatusBarMessage('Vogent API key removed', 4000);
  };
}
