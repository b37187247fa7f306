import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { displayNumber } from '../../src/numbers/formatNumber';
import { gate } from '../fake-api/server';
import { captureQuickPick, children, extension, group, row, stub, useVogent } from './support';

const numberPages = (requests: { path: string; method: string }[]) => requests.filter((r) => r.method === 'GET' && r.path === '/phone_numbers').length;

describe('Actions that overlap', () => {
  describe('with pages of 100', () => {
    const fake = useVogent();

    it('a link made while a refresh runs stays linked, in the model and on its row', async () => {
      const pstn = await group('PSTN numbers');
      const item = (await children(pstn)).find((n) => n.contextValue === 'phoneNumber pstn unlinked');
      assert.ok(item);
      const target = fake().workspace.agents[3];
      stub(vscode.window, 'showQuickPick', (async (items: Thenable<vscode.QuickPickItem[]>) =>
        (await items).find((i) => i.label === target.name)) as unknown as typeof vscode.window.showQuickPick);
      // The refresh's first page is answered only after the link: it holds the number as it was before.
      const held = gate();
      fake().inject({ path: '/phone_numbers', method: 'GET', hold: held.promise });
      const sent = fake().requests.length;
      const refresh = vscode.commands.executeCommand('vogent.refresh');
      await fake().received(sent + 1);
      await vscode.commands.executeCommand('vogent.linkAgent', item);
      held.release();
      await refresh;
      const after = (await children(pstn)).find((n) => n.label === item.label);
      assert.equal(after && row(after), `${String(item.label)} — ${target.name}`);
    });

    it('after one failed agent load, Link to Agent asks again and lists the agents', async () => {
      fake().inject({ path: '/agents', status: 503, headers: { 'Retry-After': '0' }, times: 3 });
      const pstn = await group('PSTN numbers');
      const shown = await children(pstn);
      assert.match(row(shown[0]), /^Agent names could not be loaded/);
      let offered: readonly vscode.QuickPickItem[] = [];
      stub(vscode.window, 'showQuickPick', (async (items: Thenable<vscode.QuickPickItem[]>) => {
        offered = await items;
        return undefined;
      }) as unknown as typeof vscode.window.showQuickPick);
      await vscode.commands.executeCommand('vogent.linkAgent', shown.find((n) => n.contextValue?.startsWith('phoneNumber')));
      assert.equal(offered.length, fake().workspace.agents.length);
    });

    it('a record that cannot be read is skipped and counted in its group; the rest loads', async () => {
      const numbers = fake().workspace.numbers as unknown as Record<string, unknown>[];
      numbers.splice(1, 0, { id: 'pn_broken', type: 'PSTN', agentId: null }, { id: 'pn_broken_2', number: 42, type: 'PSTN' });
      (await extension()).connection.reset();
      const shown = await children(await group('PSTN numbers'));
      assert.equal(row(shown[0]), '2 numbers could not be read — Show Logs');
      assert.equal(shown[0].command?.command, 'vogent.showLogs');
      assert.match(shown[0].accessibilityInformation?.label ?? '', /^2 numbers could not be read — Show Logs\. Vogent sent records/);
      assert.ok(shown.filter((n) => n.contextValue?.startsWith('phoneNumber')).length >= 60);
    });
  });

  describe('with pages of 10', () => {
    const fake = useVogent({ pageSize: 10 });

    it('closing the copy picker stops the pages only it needed', async () => {
      // The third page answers only once the picker has closed.
      const held = gate();
      const before = numberPages(fake().requests);
      fake().inject({ path: '/phone_numbers', times: 2 }, { path: '/phone_numbers', hold: held.promise });
      const picked = captureQuickPick();
      const command = vscode.commands.executeCommand('vogent.copyNumber');
      const pick = await picked;
      await fake().received(before + 3, '/phone_numbers');
      pick.hide();
      // The held request is given up: by the picker closing, or else only by the client's timeout, which leaves an error.
      await fake().abandoned(1);
      held.release();
      await command;
      const ext = await extension();
      const sent = numberPages(fake().requests);
      await ext.connection.numbers.idle();
      assert.equal(ext.connection.numbers.error, undefined, 'given up, not timed out');
      assert.equal(numberPages(fake().requests), sent, 'nothing asked after the picker closed');
      assert.equal(ext.connection.numbers.complete, false);
    });

    it('the copy picker follows a refresh instead of keeping the old list', async () => {
      const picked = captureQuickPick();
      const command = vscode.commands.executeCommand('vogent.copyNumber');
      const pick = await picked;
      await fake().received(2);
      const added = { id: 'pn_new', number: '+15559990000', type: 'PSTN', agentId: null };
      fake().workspace.numbers.push(added);
      const listed = new Promise<void>((resolve) => {
        const listener = pick.onDidChangeActive((items) => items[0]?.label === displayNumber(added) && (listener.dispose(), resolve()));
      });
      pick.value = '555 999 0000';
      // A picker left on the old listing never sees the new number: nothing would load the new one.
      (await extension()).connection.reset();
      await listed;
      assert.ok(pick.items.length <= 200);
      pick.hide();
      await command;
    });

    it('the copy picker loads a listing that replaced the one it had loaded in full', async () => {
      const { connection } = await extension();
      const picked = captureQuickPick();
      const command = vscode.commands.executeCommand('vogent.copyNumber');
      const pick = await picked;
      await fake().received(3);
      await connection.loadAll(new AbortController().signal);
      const sent = numberPages(fake().requests);
      // Settings or a key changed in another window: the listing is replaced after the picker had nothing left to load.
      connection.reset();
      await fake().received(fake().requests.length + 3);
      await connection.numbers.idle();
      assert.ok(numberPages(fake().requests) > sent, 'the new listing was loaded for the open picker');
      pick.hide();
      await command;
    });
  });
});
