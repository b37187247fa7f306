import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { displayNumber } from '../../src/numbers/formatNumber';
import type { VogentWorkspace } from '../../src/workspaces/vogentWorkspaces';
import { sampleWorkspace, type Workspace } from '../fake-api/data';
import { GOOD_KEY, captureQuickPick, children, errorMessages, extension, removeKey, row, rows, stub, useVogent } from './support';

/** Invokes a tool as agent mode would, outside a chat, and returns its text. */
async function ask(tool: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(tool, { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

export const STAGING_KEY = 'vk_staging_Pq71xLm0';

/** Types into a quick pick, waits until the workbench has filtered to `label`, and accepts it. */
async function typeAndAccept(pick: vscode.QuickPick<vscode.QuickPickItem>, value: string, label: string): Promise<void> {
  const active = new Promise<void>((resolve) => {
    const listener = pick.onDidChangeActive((items) => items[0]?.label === label && (listener.dispose(), resolve()));
  });
  pick.value = value;
  await active;
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

describe('Several Vogent workspaces', () => {
  let staging: Workspace;
  const fake = useVogent({ others: () => ({ [STAGING_KEY]: (staging = sampleWorkspace(120, 3, 'stg')) }) });

  async function addStaging(): Promise<VogentWorkspace> {
    const { workspaces } = await extension();
    await vscode.commands.executeCommand('vogent.addWorkspace', 'Staging', STAGING_KEY);
    const added = workspaces.all.find((w) => w.name === 'Staging');
    assert.ok(added, 'Staging was not added');
    return added;
  }

  it('shows each workspace as a root node with its own groups and numbers', async () => {
    await addStaging();
    const [home, other] = await children();
    assert.deepEqual([home, other].map(row), ['Vogent', 'Staging']);
    const groups = await children(other);
    assert.deepEqual(groups.map((n) => n.label), ['PSTN numbers', 'SIP usernames']);
    assert.equal((await children(groups[0]))[0]?.label, displayNumber(staging.numbers[0]));
    assert.equal((await children((await children(home))[0]))[0]?.label, displayNumber(fake().workspace.numbers[0]));
    const sentWith = new Set(fake().requests.map((r) => r.authorization));
    assert.deepEqual([...sentWith].sort(), [`Bearer ${GOOD_KEY}`, `Bearer ${STAGING_KEY}`].sort());
  });

  it('a key revoked in one workspace shows in its node, and the other keeps working', async () => {
    const added = await addStaging();
    fake().others.delete(STAGING_KEY);
    added.connection.reset();
    const [home, other] = await children();
    assert.deepEqual(await rows(other), ['Vogent rejected this API key', 'Replace API Key…', 'Show Logs']);
    assert.deepEqual((await children()).map(row), ['Vogent', 'Staging — API key rejected']);
    assert.deepEqual((await children(home)).map((n) => n.label), ['PSTN numbers', 'SIP usernames']);
  });

  it('a key deleted from another window: its node says so and offers Set API Key…; the other is untouched', async () => {
    const added = await addStaging();
    // Another window's delete reaches this one as SecretStorage's change event, the same as this.
    await added.keys.remove();
    const [home, other] = await children();
    assert.deepEqual(await rows(other), ['No API key is set for this workspace', 'Set API Key…']);
    assert.equal(row(other), 'Staging — no API key');
    assert.deepEqual((await children(home)).map((n) => n.label), ['PSTN numbers', 'SIP usernames']);
    const setKey = (await children(other))[1];
    assert.deepEqual(setKey.command?.arguments, [{ workspaceId: added.id }]);
  });

  it('refuses a key that is already another workspace, and a name already taken, sending nothing', async () => {
    const { workspaces } = await extension();
    const shown = errorMessages();
    await vscode.commands.executeCommand('vogent.addWorkspace', 'Copy', GOOD_KEY);
    await vscode.commands.executeCommand('vogent.addWorkspace', 'vogent ', STAGING_KEY);
    assert.deepEqual(shown.map((m) => m.message), ['The key was not saved: it is already the workspace "Vogent".', 'A workspace is already named "Vogent".']);
    assert.equal(workspaces.all.length, 1);
    assert.equal(fake().requests.length, 0);
  });

  /** Copy Phone Number opened over both workspaces, each loaded in full. */
  async function copyPickerOverBoth() {
    const added = await addStaging();
    const { connection } = await extension();
    await Promise.all([connection, added.connection].map((c) => c.loadAll(new AbortController().signal)));
    const picked = captureQuickPick();
    const command = vscode.commands.executeCommand('vogent.copyNumber');
    return { pick: await picked, command, connection };
  }

  it('the palette lists the numbers of both, under a separator per workspace, and copies from either', async () => {
    const { pick, command } = await copyPickerOverBoth();
    const separators = pick.items.filter((i) => i.kind === vscode.QuickPickItemKind.Separator).map((i) => i.label);
    assert.deepEqual(separators, ['Vogent', 'Staging']);
    const stagingItem = pick.items.find((i) => i.label === displayNumber(staging.numbers[3]));
    assert.equal(stagingItem?.detail, `PSTN · ${staging.numbers[3].id} · Staging`);
    assert.match(pick.title ?? '', /^Copy Phone Number — 370 of 370 match/);
    assert.equal(pick.busy, false, 'everything was loaded: the picker has nothing to load');
    await typeAndAccept(pick, staging.numbers[3].number, displayNumber(staging.numbers[3]));
    await command;
    assert.equal(await vscode.env.clipboard.readText(), staging.numbers[3].number);
  });

  it('Enter in the palette right away copies the first number listed, not a separator', async () => {
    const { pick, command, connection } = await copyPickerOverBoth();
    assert.ok(pick.activeItems.every((i) => i.kind !== vscode.QuickPickItemKind.Separator), 'a separator was made the highlighted item');
    const first = connection.numbers.index.all()[0];
    await typeAndAccept(pick, '', displayNumber(first));
    await command;
    assert.equal(await vscode.env.clipboard.readText(), first.number);
  });

  it('a workspace removed while Link to Agent is open: nothing is sent, and the message says so', async () => {
    const added = await addStaging();
    await added.connection.show();
    const { workspaces } = await extension();
    const number = added.connection.numbers.get(staging.numbers[1].id);
    assert.ok(number);
    stub(vscode.window, 'showQuickPick', (async (items: Thenable<readonly vscode.QuickPickItem[]>) => {
      const offered = await items;
      await workspaces.remove(added.id);
      return offered[offered.length - 1];
    }) as unknown as typeof vscode.window.showQuickPick);
    const warned: string[] = [];
    stub(vscode.window, 'showWarningMessage', (async (message: string) => void warned.push(message)) as typeof vscode.window.showWarningMessage);
    const sent = fake().requests.length;
    await vscode.commands.executeCommand('vogent.linkAgent', { phoneNumber: number, workspaceId: added.id });
    assert.deepEqual(warned, [`${displayNumber(number)} was not changed: its Vogent workspace was removed.`]);
    assert.deepEqual(fake().requests.slice(sent).filter((r) => r.method === 'PUT'), []);
  });

  it("Link to Agent offers only the agents of the number's own workspace", async () => {
    const added = await addStaging();
    await added.connection.show();
    const offered: string[] = [];
    stub(vscode.window, 'showQuickPick', (async (items: Thenable<readonly vscode.QuickPickItem[]>) => {
      offered.push(...(await items).map((i) => i.detail ?? ''));
      return undefined;
    }) as unknown as typeof vscode.window.showQuickPick);
    const number = added.connection.numbers.get(staging.numbers[1].id);
    await vscode.commands.executeCommand('vogent.linkAgent', { phoneNumber: number, workspaceId: added.id });
    assert.deepEqual(offered.sort(), staging.agents.map((a) => a.id).sort());
  });

  it('renames and removes a workspace; removing deletes its key and brings back the one-workspace layout', async () => {
    const added = await addStaging();
    await vscode.commands.executeCommand('vogent.renameWorkspace', { workspaceId: added.id }, 'Production');
    assert.deepEqual((await children()).map((n) => n.label), ['Vogent', 'Production']);
    stub(vscode.window, 'showWarningMessage', (async () => 'Remove') as unknown as typeof vscode.window.showWarningMessage);
    await vscode.commands.executeCommand('vogent.removeWorkspace', { workspaceId: added.id });
    const { workspaces } = await extension();
    assert.deepEqual(workspaces.all.map((w) => w.name), ['Vogent']);
    assert.deepEqual((await children()).map((n) => n.label), ['PSTN numbers', 'SIP usernames']);
    assert.equal(await added.keys.get(), undefined);
  });

  it('on a fresh install, the first workspace added takes the place of the empty one', async () => {
    const ext = await extension();
    const { workspaces } = ext;
    await removeKey();
    await vscode.commands.executeCommand('vogent.addWorkspace', 'Production', STAGING_KEY);
    try {
      assert.deepEqual(workspaces.all.map((w) => [w.id, w.name, w.connection.status]), [['default', 'Production', 'ready']]);
      assert.deepEqual((await children()).map((n) => n.label), ['PSTN numbers', 'SIP usernames']);
    } finally {
      await workspaces.rename('default', 'Vogent');
    }
  });

  it('a workspace the user named, whose key was removed, is kept: the one added goes beside it', async () => {
    const { workspaces } = await extension();
    await removeKey();
    await workspaces.rename('default', 'Production');
    try {
      await vscode.commands.executeCommand('vogent.addWorkspace', 'Staging', STAGING_KEY);
      assert.deepEqual(workspaces.all.map((w) => [w.name, w.connection.status]), [['Production', 'no-key'], ['Staging', 'ready']]);
    } finally {
      await workspaces.rename('default', 'Vogent');
    }
  });

  it('the agent-mode tools search both workspaces, name each, and say which one could not be searched', async () => {
    const added = await addStaging();
    const theirs = staging.numbers[5];
    const found = await ask('vogent_findPhoneNumbers', { query: theirs.number });
    assert.match(found, new RegExp(`^1 of 370 numbers match\n.* id ${theirs.id} · .* · workspace Staging$`));
    fake().others.delete(STAGING_KEY);
    added.connection.reset();
    await added.connection.show();
    const ours = fake().workspace.numbers[5];
    const partial = await ask('vogent_findPhoneNumbers', { query: ours.number });
    assert.match(partial, /^1 of 250 numbers match\nNot searched: Staging \(API key rejected\)\.\n.* · workspace Vogent$/);
  });

  it('removing a workspace while the palette loads it cancels that load cleanly; the palette goes on with the other', async () => {
    const added = await addStaging();
    fake().inject({ path: '/phone_numbers', apiKey: STAGING_KEY, hang: true });
    const shown = errorMessages();
    const picked = captureQuickPick();
    const command = vscode.commands.executeCommand('vogent.copyNumber');
    const pick = await picked;
    while (!fake().requests.some((r) => r.authorization === `Bearer ${STAGING_KEY}`)) await fake().received(fake().requests.length + 1);
    stub(vscode.window, 'showWarningMessage', (async () => 'Remove') as unknown as typeof vscode.window.showWarningMessage);
    await vscode.commands.executeCommand('vogent.removeWorkspace', { workspaceId: added.id });
    const sentBefore = fake().requests.length;
    const home = fake().workspace.numbers[200];
    await typeAndAccept(pick, home.number, displayNumber(home));
    await command;
    assert.equal(await vscode.env.clipboard.readText(), home.number);
    assert.deepEqual(shown, []);
    const sentAfter = fake().requests.slice(sentBefore).filter((r) => r.authorization === `Bearer ${STAGING_KEY}`);
    assert.deepEqual(sentAfter.map((r) => r.path), [], 'the removed workspace went on loading');
  });

  it('a workspace whose key is set while the palette is open is loaded, and its match shows', async () => {
    const added = await addStaging();
    await added.keys.remove();
    const picked = captureQuickPick();
    const command = vscode.commands.executeCommand('vogent.copyNumber');
    const pick = await picked;
    // On the second page: listed only once the picker has loaded Staging, which nothing else does.
    const theirs = staging.numbers[100];
    const listed = new Promise<void>((resolve) => {
      const listener = pick.onDidChangeActive(() => pick.items.some((i) => i.label === displayNumber(theirs)) && (listener.dispose(), resolve()));
    });
    pick.value = theirs.number;
    await added.keys.store(STAGING_KEY);
    await listed;
    assert.equal(pick.items.find((i) => i.label === displayNumber(theirs))?.detail, `PSTN · ${theirs.id} · Staging`);
    pick.hide();
    await command;
  });
});

describe('The palette over several workspaces', () => {
  // Typed, an id matches no label: VS Code keeps the order it is given, and no other ordering helps.
  const home = { id: 'home_pn_a', number: '+14155550100', type: 'PSTN', agentId: null };
  const exact = { id: 'pn_a', number: '+14155550199', type: 'PSTN', agentId: null };
  useVogent({ workspace: () => ({ agents: [], numbers: [home] }), others: () => ({ [STAGING_KEY]: { agents: [], numbers: [exact] } }) });

  it('lists first the workspace with the best match, so that Enter copies it', async () => {
    await vscode.commands.executeCommand('vogent.addWorkspace', 'Staging', STAGING_KEY);
    const picked = captureQuickPick();
    const command = vscode.commands.executeCommand('vogent.copyNumber');
    const pick = await picked;
    // The Staging number's id, exactly; the home number's id only holds it.
    await typeAndAccept(pick, 'pn_a', displayNumber(exact));
    await command;
    assert.deepEqual(pick.items.filter((i) => i.kind === vscode.QuickPickItemKind.Separator).map((i) => i.label), ['Staging', 'Vogent']);
    assert.equal(await vscode.env.clipboard.readText(), exact.number);
  });
});
