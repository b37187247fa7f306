import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ApiKeyStore } from '../../src/auth/apiKeyStore';
import { askForKey } from '../../src/commands/keyPrompt';
import { VogentClient } from '../../src/vogent/client';
import { GOOD_KEY, children, desktopLikeSecrets, errorMessages, extension, group, keyChange, rows, stub, useVogent } from './support';


describe('Key states', () => {
  const fake = useVogent();

  async function rejectKey(): Promise<void> {
    const ext = await extension();
    fake().apiKeys.clear();
    ext.connection.reset();
    assert.deepEqual(await rows(), []);
    assert.equal(ext.connection.status, 'rejected');
  }

  it('while the key stands rejected, palette commands send nothing and offer to replace it', async () => {
    await rejectKey();
    const shown = errorMessages();
    const sent = fake().requests.length;
    for (const command of ['vogent.copyNumber', 'vogent.openAgent', 'vogent.linkAgent', 'vogent.unlinkAgent', 'vogent.refresh']) {
      await vscode.commands.executeCommand(command);
    }
    assert.equal(fake().requests.length, sent);
    assert.equal(shown.length, 5);
    for (const { message, actions } of shown) {
      assert.equal(message, 'Vogent rejected the API key. Replace it to continue.');
      assert.deepEqual(actions, ['Replace API Key…']);
    }
  });

  it('entering the same key again after a rejection tries it again', async () => {
    await rejectKey();
    fake().apiKeys.add(GOOD_KEY);
    await keyChange(() => vscode.commands.executeCommand('vogent.setApiKey', GOOD_KEY));
    assert.equal((await extension()).connection.status, 'ready');
    assert.equal((await rows()).length, 2);
  });

  it('storing or removing a key is announced even when SecretStorage announces nothing', async () => {
    const keys = new ApiKeyStore(desktopLikeSecrets(), 'vogent.apiKey');
    await keys.ready;
    let announced = 0;
    keys.onDidChange(() => announced++);
    await keys.store('vk_same');
    await keys.store('vk_same');
    await keys.remove();
    assert.equal(announced, 3);
    keys.dispose();
  });

  it('a SecretStorage that cannot be read (no keyring) counts as no key, so the welcome asks for one', async () => {
    const secrets = desktopLikeSecrets(false, { 'vogent.apiKey': GOOD_KEY });
    secrets.get = () => Promise.reject(new Error('the keyring is locked'));
    const keys = new ApiKeyStore(secrets, 'vogent.apiKey');
    await keys.ready;
    assert.equal(keys.hasKey, false);
    keys.dispose();
  });

  it('a SecretStorage write that fails is reported in the prompt, and closing the prompt settles', async () => {
    const keys = new ApiKeyStore(desktopLikeSecrets(true), 'vogent.apiKey');
    const box = fakeInputBox(GOOD_KEY);
    stub(vscode.window, 'createInputBox', (() => box.api) as unknown as typeof vscode.window.createInputBox);
    const clientWithKey = (key: string) => new VogentClient({ baseUrl: fake().url, apiKey: async () => key, userAgent: 'vogent-tests' });
    const command = askForKey({ title: 'Set the Vogent API Key', clientWithKey, holderOf: () => undefined, save: (key) => keys.store(key) });
    await box.accept();
    const message = box.api.validationMessage as vscode.InputBoxValidationMessage | undefined;
    assert.match(message?.message ?? '', /could not be saved in VS Code's secret storage: the keyring is locked/);
    box.api.hide();
    await command;
    assert.equal(keys.hasKey, false);
    keys.dispose();
  });

  it('a 403 on a write is that action\'s error, not a rejected key', async () => {
    const pstn = await group('PSTN numbers');
    const item = (await children(pstn)).find((n) => n.contextValue === 'phoneNumber pstn unlinked');
    stub(vscode.window, 'showQuickPick', (async (items: Thenable<vscode.QuickPickItem[]>) => (await items)[0]) as unknown as typeof vscode.window.showQuickPick);
    const shown = errorMessages();
    fake().inject({ method: 'PUT', status: 403, body: { message: 'this key cannot change numbers' } });
    await vscode.commands.executeCommand('vogent.linkAgent', item);
    assert.equal(shown[0]?.message, `Could not link ${String(item?.label)}: Vogent refused this for the API key's permissions (403): this key cannot change numbers`);
    assert.equal((await extension()).connection.status, 'ready');
    assert.ok((await children(pstn)).length > 1, 'the tree keeps what it showed');
  });
});

/** A stand-in input box, so a test can press Enter and read what the prompt then says. */
function fakeInputBox(value: string) {
  const listeners: { accept?: () => Promise<void>; hide?: () => void } = {};
  const api = {
    value,
    validationMessage: undefined as unknown,
    onDidChangeValue: () => ({ dispose() {} }),
    onDidAccept: (listener: () => Promise<void>) => ((listeners.accept = listener), { dispose() {} }),
    onDidHide: (listener: () => void) => ((listeners.hide = listener), { dispose() {} }),
    show: () => undefined,
    hide: () => listeners.hide?.(),
    dispose: () => undefined,
  };
  return { api, accept: () => listeners.accept?.() };
}
