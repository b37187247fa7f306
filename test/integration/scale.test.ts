import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { displayNumber } from '../../src/numbers/formatNumber';
import { sampleWorkspace } from '../fake-api/data';
import { captureQuickPick, children, extension, group, row, useVogent } from './support';

const numberRows = <T extends { contextValue?: string }>(nodes: T[]) => nodes.filter((n) => n.contextValue?.startsWith('phoneNumber'));

describe('Many numbers', () => {
  const fake = useVogent({ workspace: () => sampleWorkspace(3_000), pageSize: 100 });

  it('a group shows a page\'s worth, and "Show … more" shows loaded numbers without a request', async () => {
    const { connection } = await extension();
    await connection.loadAll(new AbortController().signal);
    const pstn = await group('PSTN numbers');
    const shown = await children(pstn);
    assert.equal(numberRows(shown).length, 100);
    const more = shown[shown.length - 1];
    assert.equal(row(more), `Show 100 more · ${connection.numbers.countIn('PSTN').toLocaleString('en-US')} loaded`);
    const sent = fake().requests.length;
    await vscode.commands.executeCommand(more.command?.command ?? '', ...(more.command?.arguments ?? []));
    const after = await children(pstn);
    assert.equal(numberRows(after).length, 200);
    assert.deepEqual(numberRows(after).map((n) => n.label), connection.numbers.numbersIn('PSTN', 0, 200).map(displayNumber));
    assert.equal(fake().requests.length, sent, 'nothing was requested for numbers already loaded');
  });

  it('the palette holds at most 200 numbers, the best matches, and says how many match', async () => {
    const picked = captureQuickPick();
    const command = vscode.commands.executeCommand('vogent.copyNumber');
    const pick = await picked;
    const { connection } = await extension();
    await connection.loadAll(new AbortController().signal);
    const target = fake().workspace.numbers[2_998];
    const listed = new Promise<void>((resolve) => {
      const listener = pick.onDidChangeActive((items) => items[0]?.label === displayNumber(target) && (listener.dispose(), resolve()));
    });
    // Typed as a person would write it: +1 (555) 000-2998.
    pick.value = `+1 (555) ${target.number.slice(5, 8)}-${target.number.slice(8)}`;
    await listed;
    assert.ok(pick.items.length <= 200);
    assert.match(pick.title ?? '', /^Copy Phone Number — 1 of 3,000 match$/);
    pick.value = '';
    await new Promise<void>((resolve) => {
      const listener = pick.onDidChangeActive(() => pick.items.length > 1 && (listener.dispose(), resolve()));
    });
    assert.equal(pick.items.length, 200);
    assert.match(pick.title ?? '', /— 3,000 of 3,000 match$/);
    pick.hide();
    await command;
  });
});
