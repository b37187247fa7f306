import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { displayNumber } from '../../src/numbers/formatNumber';
import { groupLabel } from '../../src/numbers/presentation';
import type { TreeNode as Node } from '../../src/tree/phoneNumbersProvider';
import type { Workspace } from '../fake-api/data';
import { gate, type FakeVogent } from '../fake-api/server';
import { GOOD_KEY, children, extension, group, keyChange, removeKey, row, rows, stub, useVogent } from './support';

/** What the tree should show for a group once fully loaded, computed from the server's data. */
function expectedRows(workspace: Workspace, type: string): string[] {
  const names = new Map(workspace.agents.map((a) => [a.id, a.name]));
  return workspace.numbers
    .filter((n) => n.type === type)
    .map((n) => `${displayNumber(n)} — ${n.agentId === null ? 'no agent' : (names.get(n.agentId) ?? `${n.agentId} (unknown agent)`)}`);
}

const numberRequests = (fake: FakeVogent) => fake.requests.filter((r) => r.path === '/phone_numbers');

/** Expands a group, then clicks "Load more…" until it is gone; returns the rows and the clicks made. */
async function loadWholeGroup(label: string): Promise<{ rows: string[]; clicks: number }> {
  let clicks = 0;
  for (;;) {
    const items = await children(await group(label));
    const more = items.find((n) => n.contextValue === 'loadMore');
    if (!more) return { rows: items.map(row), clicks };
    assert.match(String(more.label), /^(Load more…|Show \d+ more · [\d,]+ loaded)$/);
    await vscode.commands.executeCommand(more.command?.command ?? '', ...(more.command?.arguments ?? []));
    clicks++;
    assert.ok(clicks < 10, 'Load more never ends');
  }
}

/** A stand-in for the key prompt's input box, so a test can press Enter and Escape when it wants. */
function standInKeyBox() {
  const listeners: { accept?: () => unknown; hide?: () => unknown } = {};
  let shown = (): void => undefined;
  const opened = new Promise<void>((resolve) => (shown = resolve));
  const box = {
    value: GOOD_KEY,
    hidden: false,
    validationMessage: undefined as vscode.InputBoxValidationMessage | undefined,
    onDidChangeValue: () => ({ dispose() {} }),
    onDidAccept: (listener: () => unknown) => ((listeners.accept = listener), { dispose() {} }),
    onDidHide: (listener: () => unknown) => ((listeners.hide = listener), { dispose() {} }),
    show: () => shown(),
    hide: () => ((box.hidden = true), listeners.hide?.()),
    dispose: () => undefined,
  };
  stub(vscode.window, 'createInputBox', (() => box) as unknown as typeof vscode.window.createInputBox);
  return { box, listeners, opened };
}

describe('Phone Numbers view', () => {
  describe('contributions', () => {
    it('registers every command it contributes, and contributes every command it registers', async () => {
      const ext = vscode.extensions.getExtension('vogent.vogent-phone-numbers');
      const contributed = ((ext?.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands).map((c) => c.command);
      const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('vogent.') && !id.startsWith('vogent.phoneNumbers.'));
      assert.deepEqual([...registered].sort(), [...contributed].sort());
    });

    it('opens the view from its command', async () => {
      const ext = await extension();
      const shown = new Promise<void>((resolve) => {
        const listener = ext.view.onDidChangeVisibility((event) => event.visible && (listener.dispose(), resolve()));
      });
      await vscode.commands.executeCommand('vogent.phoneNumbers.focus');
      if (!ext.view.visible) await shown;
      assert.equal(ext.view.visible, true);
    });
  });

  describe('without a key', () => {
    const fake = useVogent({ signedIn: false });

    it('shows the welcome view and sends nothing', async () => {
      const ext = await extension();
      assert.equal(ext.keys.hasKey, false);
      assert.deepEqual(await rows(), []);
      assert.equal(fake().requests.length, 0);
    });

    it('refuses a wrong key before saving it, saying why', async () => {
      const errors: string[] = [];
      stub(vscode.window, 'showErrorMessage', async (message: string) => {
        errors.push(message);
        return undefined;
      });
      await vscode.commands.executeCommand('vogent.setApiKey', 'vk_wrong_key');
      const ext = await extension();
      assert.equal(ext.keys.hasKey, false);
      assert.equal(await ext.keys.get(), undefined);
      assert.equal(errors.length, 1);
      assert.match(errors[0], /not saved: Vogent rejected the API key \(401\)/);
      assert.ok(!errors[0].includes('vk_wrong_key'));
      assert.deepEqual(fake().requests.map((r) => [r.path, r.query.limit]), [['/phone_numbers', '1']]);
    });

    it('saves a good key in secret storage after one cheap check', async () => {
      await keyChange(() => vscode.commands.executeCommand('vogent.setApiKey', GOOD_KEY));
      const ext = await extension();
      assert.equal(ext.keys.hasKey, true);
      assert.equal(await ext.keys.get(), GOOD_KEY);
      // The check is one page of one number; the view may then start loading on its own, which is fine.
      assert.deepEqual(fake().requests.filter((r) => r.query.limit === '1').map((r) => r.path), ['/phone_numbers']);
      assert.equal(fake().requests[0].query.limit, '1', 'the key was checked before anything else was sent');
    });

    it('saves nothing when the prompt is closed while the key is being checked', async () => {
      const { box, listeners, opened } = standInKeyBox();
      // The check answers, accepting the key, only once the prompt has closed.
      const held = gate();
      fake().inject({ path: '/phone_numbers', hold: held.promise });
      const command = vscode.commands.executeCommand('vogent.setApiKey');
      await opened;
      const checking = listeners.accept?.();
      await fake().received(1);
      box.hide();
      held.release();
      await command;
      await checking;
      assert.equal((await extension()).keys.hasKey, false);
      assert.equal(await (await extension()).keys.get(), undefined);
    });

    it('keeps a key it could not check in the prompt, saying why; Enter again saves it', async () => {
      const { box, listeners, opened } = standInKeyBox();
      await fake().close();
      const command = vscode.commands.executeCommand('vogent.setApiKey');
      await opened;
      await listeners.accept?.();
      assert.equal(box.hidden, false, 'the prompt stays, with the key in it');
      assert.equal(box.validationMessage?.severity, vscode.InputBoxValidationSeverity.Warning);
      assert.match(box.validationMessage?.message ?? '', /^The key could not be checked: Could not reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)\. Press Enter again to save it anyway/);
      assert.equal(await (await extension()).keys.get(), undefined);
      await keyChange(async () => {
        await listeners.accept?.();
        await command;
      });
      assert.equal(box.hidden, true);
      assert.equal(await (await extension()).keys.get(), GOOD_KEY);
    });

    it('offers to save a key given as an argument that it could not check', async () => {
      await fake().close();
      const asked: string[] = [];
      stub(vscode.window, 'showWarningMessage', async (message: string) => {
        asked.push(message);
        return 'Save Anyway';
      });
      await keyChange(() => vscode.commands.executeCommand('vogent.setApiKey', GOOD_KEY));
      assert.deepEqual(asked, ['The key could not be checked.']);
      assert.equal(await (await extension()).keys.get(), GOOD_KEY);
    });
  });

  describe('with 250 numbers in pages of 100', () => {
    const fake = useVogent();

    it('shows both groups with counts that say they are partial', async () => {
      const workspace = fake().workspace;
      const firstPage = workspace.numbers.slice(0, 100);
      const count = (type: string) => firstPage.filter((n) => n.type === type).length;
      assert.deepEqual(await rows(), [`PSTN numbers — ${count('PSTN')} so far`, `SIP usernames — ${count('SIP_USERNAME')} so far`]);
      // What a screen reader says: the group's name too, which the tooltip alone would not.
      const spoken = (await children()).map((n) => n.accessibilityInformation?.label);
      assert.deepEqual(spoken, [`PSTN numbers, ${count('PSTN')} loaded so far, more pages remain`, `SIP usernames, ${count('SIP_USERNAME')} loaded so far, more pages remain`]);
      assert.equal(numberRequests(fake()).filter((r) => r.query.cursor === undefined).length, 1, 'the first page once');
    });

    it('expanding each group and loading more until done shows exactly the server\'s numbers, one request per page', async () => {
      const workspace = fake().workspace;
      const pstn = await loadWholeGroup(groupLabel('PSTN'));
      const sip = await loadWholeGroup(groupLabel('SIP_USERNAME'));
      assert.deepEqual(pstn.rows, expectedRows(workspace, 'PSTN'));
      assert.deepEqual(sip.rows, expectedRows(workspace, 'SIP_USERNAME'));
      assert.ok(pstn.clicks >= 1, 'PSTN needed at least one "Load more…"');
      const pstnCount = workspace.numbers.filter((n) => n.type === 'PSTN').length;
      const sipCount = workspace.numbers.length - pstnCount;
      assert.deepEqual(await rows(), [`PSTN numbers — ${pstnCount}`, `SIP usernames — ${sipCount}`]);
      assert.equal(numberRequests(fake()).length, Math.ceil(workspace.numbers.length / 100));
      assert.equal(new Set(numberRequests(fake()).map((r) => r.query.cursor)).size, numberRequests(fake()).length);
    });

    it('names linked agents, marks a deleted one, and says "no agent"', async () => {
      const items = await children(await group('PSTN numbers'));
      const descriptions = new Set(items.map((n) => String(n.description)));
      assert.ok(descriptions.has('no agent'));
      assert.ok(descriptions.has('agent_deleted_9f3 (unknown agent)'));
      assert.ok(descriptions.has(fake().workspace.agents[1].name));
      const linked = items.find((n) => n.contextValue === 'phoneNumber pstn linked' && n.description === fake().workspace.agents[1].name);
      assert.ok(linked);
      assert.equal(linked.tooltip, undefined, 'built when VS Code asks for it, not for every row');
      const resolved = (await extension()).provider.resolveTreeItem(linked, linked);
      assert.ok(resolved.tooltip instanceof vscode.MarkdownString);
      assert.match(resolved.tooltip.value, /Type: PSTN/);
      assert.match(linked.accessibilityInformation?.label ?? '', new RegExp(`^PSTN number \\+1 555 \\d{3} \\d{4}, agent ${fake().workspace.agents[1].name}$`));
      assert.equal(fake().requests.filter((r) => r.path === '/agents').length, 1, 'agents are loaded once');
    });

    it('refresh keeps as many rows as before and drops stale ones', async () => {
      await loadWholeGroup('PSTN numbers');
      const workspace = fake().workspace;
      const [gone] = workspace.numbers.splice(0, 1);
      workspace.numbers[0] = { ...workspace.numbers[0], agentId: null };
      const progress: unknown[] = [];
      const original = vscode.window.withProgress;
      stub(vscode.window, 'withProgress', ((options, task) => (progress.push(options.location), original(options, task))) as typeof original);
      await vscode.commands.executeCommand('vogent.refresh');
      assert.deepEqual(progress, [{ viewId: 'vogent.phoneNumbers' }], 'the view shows that the refresh runs');
      const after = (await children(await group('PSTN numbers'))).map(row);
      assert.deepEqual(after, expectedRows(workspace, 'PSTN'));
      assert.ok(!after.some((r) => r.startsWith(`${displayNumber(gone)} `)));
      assert.equal(after.find((r) => r.startsWith(`${displayNumber(workspace.numbers[0])} `)), `${displayNumber(workspace.numbers[0])} — no agent`);
    });

    it('refresh refires only the group that changed', async () => {
      const ext = await extension();
      await children(await group('PSTN numbers'));
      await children(await group('SIP usernames'));
      const pstn = fake().workspace.numbers.find((n) => n.type === 'PSTN' && n.agentId !== null);
      assert.ok(pstn);
      pstn.agentId = null;
      const fired: string[] = [];
      const listener = ext.provider.onDidChangeTreeData((node) => fired.push(node ? String(node.label) : '(root)'));
      try {
        await vscode.commands.executeCommand('vogent.refresh');
      } finally {
        listener.dispose();
      }
      assert.deepEqual(fired, ['PSTN numbers']);
      const after = (await children(await group('PSTN numbers'))).find((n) => n.label === displayNumber(pstn));
      assert.equal(after?.description, 'no agent');
    });

    it('shows a failed load in the tree with Retry and Show Logs, and Retry recovers', async () => {
      (await extension()).connection.reset();
      fake().inject({ path: '/phone_numbers', status: 503, body: { message: 'maintenance' }, times: 3 });
      const shown = await children();
      assert.deepEqual(shown.map(row), ['Vogent had a problem (503): maintenance', 'Retry', 'Show Logs']);
      const retry = shown[1];
      await vscode.commands.executeCommand(retry.command?.command ?? '', ...(retry.command?.arguments ?? []));
      assert.equal((await rows()).length, 2);
      assert.match((await rows())[0], /^PSTN numbers — \d+ so far$/);
    });

    it('a failed "Load more" keeps what was loaded and offers Retry in the group', async () => {
      const pstn = await group('PSTN numbers');
      const first = await children(pstn);
      fake().inject({ path: '/phone_numbers', status: 500, body: 'upstream down', times: 3 });
      await vscode.commands.executeCommand('vogent.loadMore', 'PSTN');
      const after = await children(pstn);
      const numbersIn = (nodes: Node[]) => nodes.filter((n) => n.contextValue?.startsWith('phoneNumber')).length;
      assert.ok(numbersIn(after) >= numbersIn(first), 'what was shown stays');
      assert.deepEqual(after.filter((n) => !n.contextValue?.startsWith('phoneNumber')).map(row), ['Vogent had a problem (500): upstream down', 'Retry', 'Show Logs']);
      await vscode.commands.executeCommand('vogent.loadMore', 'PSTN');
      assert.ok(numbersIn(await children(pstn)) > numbersIn(after));
    });

    it('a revoked key turns the view into "rejected" and stops sending', async () => {
      fake().apiKeys.clear();
      const ext = await extension();
      ext.connection.reset();
      assert.deepEqual(await rows(), []);
      assert.equal(ext.connection.status, 'rejected');
      // Requests already on their way when the key was found rejected may still land; none may start after.
      const pageRequests = () => fake().requests.filter((r) => r.path === '/phone_numbers').length;
      const sent = pageRequests();
      await rows();
      assert.equal(pageRequests(), sent, 'no request loops while the key is rejected');
      fake().apiKeys.add('vk_replacement');
      await keyChange(() => vscode.commands.executeCommand('vogent.setApiKey', 'vk_replacement'));
      assert.equal(ext.connection.status === 'rejected', false);
      assert.equal((await rows()).length, 2);
    });

    it('removing the key asks first, then returns to the welcome view', async () => {
      const ext = await extension();
      const declined = stub(vscode.window, 'showWarningMessage', async () => undefined);
      await vscode.commands.executeCommand('vogent.clearApiKey');
      declined();
      assert.equal(ext.keys.hasKey, true, 'kept when the user does not confirm');
      await removeKey();
      assert.equal(ext.keys.hasKey, false);
      assert.equal(await ext.keys.get(), undefined);
      assert.deepEqual(await rows(), []);
    });
  });

  describe('an empty workspace', () => {
    useVogent({ workspace: () => ({ numbers: [], agents: [] }) });

    it('shows no groups, so the "no numbers" welcome appears', async () => {
      const ext = await extension();
      assert.deepEqual(await rows(), []);
      assert.equal(ext.connection.status === 'rejected', false);
      assert.equal(ext.connection.numbers.complete, true);
    });
  });
});

