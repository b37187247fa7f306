import * as vscode from 'vscode';
import type { VogentWorkspaces } from '../workspaces/vogentWorkspaces';
import { reportError } from './reportError';
import { workspaceFor } from './target';
import { tell } from './tell';

/** Removes the key of the workspace it is invoked on, of the only one, or of one the user picks. */
export function clearApiKey(workspaces: VogentWorkspaces) {
  return async (target?: unknown): Promise<void> => {
    const workspace = await workspaceFor(workspaces, target, 'Remove the API key of which workspace?', (w) => w.connection.status !== 'no-key');
    if (!workspace) return;
    const several = workspaces.all.length > 1;
    const choice = await vscode.window.showWarningMessage(
      several ? `Remove the API key of ${workspace.name} from VS Code?` : 'Remove the Vogent API key from VS Code?',
      { modal: true, detail: `The Phone Numbers view will ask for a key again${several ? ` in ${workspace.name}` : ''}. The key stays valid in Vogent until you revoke it there.` },
      'Remove',
    );
    if (choice !== 'Remove') return;
    try {
      await workspace.keys.remove();
      tell(several ? `API key of ${workspace.name} removed` : 'Vogent API key removed', 'check');
    } catch (error) {
      await reportError('Could not remove the key from VS Code\'s secret storage', error);
    }
  };
}
