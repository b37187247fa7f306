import * as vscode from 'vscode';
import type { VogentWorkspace, VogentWorkspaces } from '../workspaces/vogentWorkspaces';

/**
 * Whether a command may talk to Vogent now: in the given workspace, or in any. Without a key, or with
 * one Vogent rejected, it sends nothing and says why, with the way out.
 */
export async function requireUsableKey(workspaces: VogentWorkspaces, only?: VogentWorkspace): Promise<boolean> {
  // A command may be what activated the extension: until the key stores have read SecretStorage, "no key" is not known.
  await workspaces.ready;
  const candidates = only ? [only] : workspaces.all;
  if (candidates.some((w) => w.connection.status === 'ready')) return true;
  const one = candidates.length === 1 ? candidates[0] : undefined;
  const of = one && workspaces.all.length > 1 ? ` of ${one.name}` : '';
  const [message, action] =
    !one
      ? ['No Vogent workspace has a usable API key. Set one to continue.', 'Set API Key…']
      : one.connection.status === 'rejected'
        ? [`Vogent rejected the API key${of}. Replace it to continue.`, 'Replace API Key…']
        : [of ? `Set an API key for ${one.name} first.` : 'Set a Vogent API key first.', 'Set API Key…'];
  void vscode.window.showErrorMessage(message, action).then((choice) => {
    if (choice) void vscode.commands.executeCommand('vogent.setApiKey', one && { workspaceId: one.id });
  });
  return false;
}
