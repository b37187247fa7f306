import * as vscode from 'vscode';
import type { VogentConnection } from '../connection/vogentConnection';

/**
 * Whether a command may talk to Vogent now. Without a key, or with one Vogent rejected, it sends
 * nothing and says why, with the way out.
 */
export async function requireUsableKey(connection: VogentConnection): Promise<boolean> {
  // A command may be what activated the extension: until the key store has read SecretStorage, "no key" is not known.
  await connection.ready;
  const status = connection.status;
  if (status === 'ready') return true;
  const [message, action] =
    status === 'rejected'
      ? ['Vogent rejected the API key. Replace it to continue.', 'Replace API Key…']
      : ['Set a Vogent API key first.', 'Set API Key…'];
  void vscode.window.showErrorMessage(message, action).then((choice) => {
    if (choice) void vscode.commands.executeCommand('vogent.setApiKey');
  });
  return false;
}
