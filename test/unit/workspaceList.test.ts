import * as assert from 'node:assert/strict';
import { workspaceDescription } from '../../src/numbers/presentation';
import { FIRST_WORKSPACE, idOfSecret, nameProblem, readList, secretNameOf, writeList, type ListStore } from '../../src/workspaces/workspaceList';

/** globalState as far as the list needs it. */
function memory(initial?: unknown): ListStore & { value: unknown } {
  const store = {
    value: initial,
    get: <T>() => store.value as T | undefined,
    update: async (_key: string, value: unknown) => void (store.value = value),
  };
  return store;
}

describe('the workspace list', () => {
  it('is the one first workspace for a user of the one-key version, whose key keeps its secret name', () => {
    assert.deepEqual(readList(memory()), [FIRST_WORKSPACE]);
    assert.equal(FIRST_WORKSPACE.name, 'Vogent');
    assert.equal(secretNameOf(FIRST_WORKSPACE.id), 'vogent.apiKey');
  });

  it('keeps ids and names only, in order', async () => {
    const store = memory();
    await writeList(store, [FIRST_WORKSPACE, { id: 'a1b2c3d4', name: 'Staging', key: 'vk_never' } as never]);
    assert.deepEqual(store.value, [FIRST_WORKSPACE, { id: 'a1b2c3d4', name: 'Staging' }]);
    assert.deepEqual(readList(store), [FIRST_WORKSPACE, { id: 'a1b2c3d4', name: 'Staging' }]);
  });

  it('drops malformed or repeated entries, and falls back to the first workspace when none is left', () => {
    const stored = [{ id: 'ok1', name: 'Prod' }, { id: 'ok1', name: 'Again' }, { id: 'bad id!', name: 'X' }, { id: 'ok2', name: ' ' }, null, 'text'];
    assert.deepEqual(readList(memory(stored)), [{ id: 'ok1', name: 'Prod' }]);
    assert.deepEqual(readList(memory({ not: 'a list' })), [FIRST_WORKSPACE]);
    assert.deepEqual(readList(memory([])), [FIRST_WORKSPACE]);
  });

  it('gives each other workspace its own secret, and tells a workspace secret from others', () => {
    assert.equal(secretNameOf('a1b2c3d4'), 'vogent.apiKey.a1b2c3d4');
    assert.equal(idOfSecret('vogent.apiKey.a1b2c3d4'), 'a1b2c3d4');
    assert.equal(idOfSecret('vogent.apiKey'), FIRST_WORKSPACE.id);
    assert.equal(idOfSecret('other.secret'), undefined);
  });

  it('wants a name that is not empty and not taken (any case), except by the workspace being renamed', () => {
    const list = [FIRST_WORKSPACE, { id: 'stg', name: 'Staging' }];
    assert.match(nameProblem('  ', list) ?? '', /Enter a name/);
    assert.match(nameProblem('staging ', list) ?? '', /already named "Staging"/);
    assert.equal(nameProblem('STAGING', list, 'stg'), undefined);
    assert.equal(nameProblem('Production', list), undefined);
    assert.match(nameProblem('x'.repeat(61), list) ?? '', /at most 60/);
    assert.match(nameProblem('vk_live_PRODUCTION_3c9a71e2', list) ?? '', /looks like an API key/);
    assert.equal(nameProblem('Acme Corporation, North America 2024', list), undefined);
    assert.equal(nameProblem('client-acme-production-2024', list), undefined);
    assert.match(nameProblem('Zq81nVp4Lk20xTb7Rm3sWc9e', list) ?? '', /looks like an API key/);
  });
});

describe('a workspace node\'s description', () => {
  const numbers = (size: number, complete: boolean, error?: Error) => ({ size, complete, error });
  it('says what is wrong, or the count once every page is loaded, and nothing while pages land', () => {
    assert.equal(workspaceDescription('no-key', numbers(0, false)), 'no API key');
    assert.equal(workspaceDescription('rejected', numbers(0, false)), 'API key rejected');
    assert.equal(workspaceDescription('ready', numbers(0, false, new Error('503'))), 'could not load');
    assert.equal(workspaceDescription('ready', numbers(300, false)), '');
    assert.equal(workspaceDescription('ready', numbers(12_345, true)), '12,345 numbers');
    assert.equal(workspaceDescription('ready', numbers(1, true)), '1 number');
  });
});
