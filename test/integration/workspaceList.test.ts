// The workspace list itself, in VS Code, on an in-memory globalState and SecretStorage: an upgrade from one
// key, and other windows changing the list.
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { VogentConnection } from '../../src/connection/vogentConnection';
import { VogentClient } from '../../src/vogent/client';
import { VogentWorkspaces } from '../../src/workspaces/vogentWorkspaces';
import { GOOD_KEY, desktopLikeSecrets, useVogent } from './support';

const STAGING_KEY = 'vk_staging_sync_7Lw20pXa';

/** globalState as the workspace list uses it, in memory. */
function memoryState(): vscode.Memento & { value: unknown } {
  const state = { value: undefined as unknown, keys: () => [], get: <T>() => state.value as T, update: async (_key: string, value: unknown) => void (state.value = value) };
  return state as unknown as vscode.Memento & { value: unknown };
}

describe('The list of Vogent workspaces', () => {
  const fake = useVogent();

  function workspacesOn(state: vscode.Memento, secrets: vscode.SecretStorage): VogentWorkspaces {
    const client = (apiKey: () => Promise<string | undefined>) => new VogentClient({ baseUrl: fake().url, apiKey, userAgent: 'vogent-tests' });
    const log = { warn: () => undefined, error: () => undefined };
    return new VogentWorkspaces(state, secrets, (key) => new VogentConnection({ key, client, pageSize: () => 100, maxPages: () => 10_000, log }));
  }

  it('a user of the one-key version keeps the key: it becomes the workspace "Vogent", with no prompt; the list holds no key', async () => {
    const secrets = desktopLikeSecrets(false, { 'vogent.apiKey': GOOD_KEY });
    const state = memoryState();
    const workspaces = workspacesOn(state, secrets);
    try {
      await workspaces.ready;
      assert.deepEqual(workspaces.all.map((w) => [w.name, w.connection.status]), [['Vogent', 'ready']]);
      await workspaces.all[0].connection.show();
      assert.equal(workspaces.all[0].connection.numbers.size, 100);
      await assert.rejects(workspaces.remove('default'), /the only Vogent workspace left/);
      const added = await workspaces.add('Staging', STAGING_KEY);
      assert.deepEqual(state.value, [{ id: 'default', name: 'Vogent' }, { id: added.id, name: 'Staging' }]);
      assert.deepEqual(secrets.names(), ['vogent.apiKey', `vogent.apiKey.${added.id}`]);
    } finally {
      workspaces.dispose();
    }
  });

  it('follows another window: a workspace added or removed there, told by its key changing, is added or removed here', async () => {
    const secrets = desktopLikeSecrets(false, { 'vogent.apiKey': GOOD_KEY });
    const state = memoryState();
    const workspaces = workspacesOn(state, secrets);
    try {
      const listChanged = () => new Promise<void>((resolve) => void workspaces.onDidChangeList(() => resolve()));
      let changed = listChanged();
      // What the other window does: it writes the shared list, then the new workspace's key.
      state.value = [{ id: 'default', name: 'Vogent' }, { id: 'elsewhere', name: 'Client A' }];
      await secrets.store('vogent.apiKey.elsewhere', STAGING_KEY);
      await changed;
      assert.deepEqual(workspaces.all.map((w) => w.name), ['Vogent', 'Client A']);
      await workspaces.all[1].keys.ready;
      assert.equal(workspaces.all[1].connection.status, 'ready');
      changed = listChanged();
      state.value = [{ id: 'default', name: 'Vogent' }];
      await secrets.delete('vogent.apiKey.elsewhere');
      await changed;
      assert.deepEqual(workspaces.all.map((w) => w.name), ['Vogent']);
    } finally {
      workspaces.dispose();
    }
  });

});
