import type { VogentClient } from '../vogent/client';
import { WorkspaceConflict, type VogentWorkspace, type VogentWorkspaces } from '../workspaces/vogentWorkspaces';
import { askForKey, saveGivenKey, type KeyPromptOptions } from './keyPrompt';
import { workspaceFor } from './target';
import { tell } from './tell';

export interface KeyCommandDeps {
  workspaces: VogentWorkspaces;
  /** A client that sends the given key, for the check before saving. */
  clientWithKey: (key: string) => VogentClient;
  /** Test mode only: another extension must not be able to plant a key (or a name) of its choosing. */
  acceptsArguments: boolean;
}

/**
 * Sets the key of the workspace it is invoked on (its node, a `{ workspaceId }`), of the only one, or
 * of one the user picks. In test mode a key given as the last argument skips the prompt.
 */
export function setApiKey(deps: KeyCommandDeps) {
  return async (target?: unknown, key?: unknown): Promise<void> => {
    const given = typeof target === 'string' ? target : key;
    const workspace = await workspaceFor(deps.workspaces, target, 'Set the API key of which workspace?');
    if (!workspace) return;
    const options = keyOptions(deps, workspace);
    const saved = deps.acceptsArguments && typeof given === 'string' && given.trim() !== '' ? await saveGivenKey(options, given.trim()) : await askForKey(options);
    if (saved) tell(deps.workspaces.all.length > 1 ? `API key of ${workspace.name} saved` : 'Vogent API key saved', 'check');
  };
}

function keyOptions(deps: KeyCommandDeps, workspace: VogentWorkspace): KeyPromptOptions {
  const verb = workspace.connection.status === 'rejected' ? 'Replace' : 'Set';
  const title = deps.workspaces.all.length > 1 ? `${verb} the API Key of ${workspace.name}` : `${verb} the Vogent API Key`;
  return {
    title,
    clientWithKey: deps.clientWithKey,
    holderOf: (key) => deps.workspaces.holderOf(key, workspace.id)?.name,
    save: async (key) => {
      // The prompt may have stayed open while another window removed the workspace: its key would be stored for nothing.
      if (deps.workspaces.get(workspace.id) !== workspace) throw new WorkspaceConflict(`the workspace ${workspace.name} was removed meanwhile.`);
      await workspace.keys.store(key);
    },
  };
}
