import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { displayNumber } from '../../src/numbers/formatNumber';
import type { PhoneNumberItem } from '../../src/tree/phoneNumberItem';
import { sampleWorkspace } from '../fake-api/data';
import { gate } from '../fake-api/server';
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
    assert.deepEqual(numberRows(after).slice(0, 100), numberRows(shown), 'the rows shown before are drawn again as they were, not built again');
  });

  it('"Show … more" with part of its page loaded shows that part at once, above a spinning row, while the rest loads', async () => {
    const { connection } = await extension();
    const pstn = await group('PSTN numbers');
    const shown = await children(pstn);
    const loaded = connection.numbers.countIn('PSTN');
    assert.ok(loaded > 100 && loaded < 200, `${loaded} loaded: part of the next page`);
    const more = shown[shown.length - 1];
    assert.equal(row(more), `Show ${loaded - 100} more · ${loaded} loaded`);
    const held = gate();
    const asked = fake().requests.filter((r) => r.path === '/phone_numbers').length;
    fake().inject({ path: '/phone_numbers', hold: held.promise });
    const click = vscode.commands.executeCommand(more.command?.command ?? '', ...(more.command?.arguments ?? []));
    await fake().received(asked + 1, '/phone_numbers');
    const meanwhile = await children(pstn);
    assert.equal(numberRows(meanwhile).length, loaded, 'every loaded number, without waiting for the page');
    assert.equal(row(meanwhile[meanwhile.length - 1]), 'Loading…');
    held.release();
    await click;
    assert.equal(numberRows(await children(pstn)).length, 200);
  });

  it('a row is built again when its number changes', async () => {
    const { connection } = await extension();
    await connection.show();
    const pstn = await group('PSTN numbers');
    const [first, second] = numberRows(await children(pstn)) as PhoneNumberItem[];
    const linked = await connection.setAgent(first.phoneNumber.id, fake().workspace.agents[1].id);
    const [again, secondAgain] = numberRows(await children(pstn)) as PhoneNumberItem[];
    assert.equal(again.description, fake().workspace.agents[1].name);
    assert.equal(again.phoneNumber, linked);
    assert.equal(secondAgain, second, 'an unchanged row is drawn as it was');
  });

  it('a row is built again when the agent names it lacked arrive', async () => {
    const { connection } = await extension();
    fake().inject({ path: '/agents', status: 500, body: { message: 'down' }, headers: { 'Retry-After': '0' }, times: 3 });
    const pstn = await group('PSTN numbers');
    const linked = (numberRows(await children(pstn)) as PhoneNumberItem[]).find((n) => n.phoneNumber.agentId === fake().workspace.agents[0].id);
    assert.ok(linked && connection.agents.error, 'drawn while the names failed');
    await connection.agentList();
    const again = (numberRows(await children(pstn)) as PhoneNumberItem[]).find((n) => n.phoneNumber === linked.phoneNumber);
    assert.notEqual(again, linked);
    assert.equal(again?.description, fake().workspace.agents[0].name);
  });

  it('a value typed just after a page landed is listed by its own event, not at the next redraw', async () => {
    const { connection } = await extension();
    await connection.loadAll(new AbortController().signal);
    let titles = 0;
    let beforePicker: (() => void) | undefined;
    const picked = captureQuickPick((pick) => {
      // Counts the picker's redraws (each sets the title), and runs `beforePicker` ahead of its own listener.
      const title = accessorOf(pick, 'title');
      Object.defineProperty(pick, 'title', { get: () => title.get?.call(pick), set: (value) => (titles++, title.set?.call(pick, value)) });
      const subscribe = pick.onDidChangeValue;
      const ahead: typeof subscribe = (listener, thisArg, disposables) =>
        subscribe((value) => (beforePicker?.(), (beforePicker = undefined), listener.call(thisArg, value)), undefined, disposables);
      Object.defineProperty(pick, 'onDidChangeValue', { value: ahead });
    });
    const command = vscode.commands.executeCommand('vogent.copyNumber');
    const pick = await picked;
    const target = fake().workspace.numbers[1_234];
    const loaded = connection.numbers.get(target.id);
    assert.ok(loaded);
    let titlesBefore = 0;
    beforePicker = () => {
      // A page lands (an update redraws as one does) just before the picker hears what was typed.
      connection.numbers.update(loaded);
      titlesBefore = titles;
    };
    const heard = new Promise<void>((resolve) => {
      const listener = pick.onDidChangeValue(() => (listener.dispose(), resolve()));
    });
    pick.value = target.number;
    await heard;
    assert.equal(titles, titlesBefore + 1, 'the picker redrew for the typed value at once');
    assert.match(pick.title ?? '', /— 1 of 3,000 match$/);
    pick.hide();
    await command;
  });

  it('the palette filters while pages land: it says which page is loading, and lists a match as soon as its page lands', async () => {
    const { connection } = await extension();
    const asked = fake().requests.filter((r) => r.path === '/phone_numbers').length;
    // Five pages answer, the sixth only once released: the picker is looked at midway. Then up to the 26th,
    // which holds the number typed, and the 27th never: the match must show while pages are still loading.
    const [held, last] = [gate(), gate()];
    const pass = (times: number) => ({ path: '/phone_numbers', times });
    fake().inject(pass(5), { path: '/phone_numbers', hold: held.promise }, pass(20 - asked), { path: '/phone_numbers', hold: last.promise });
    let titled: { pattern: RegExp; resolve: () => void } | undefined;
    const picked = captureQuickPick((pick) => {
      const title = accessorOf(pick, 'title');
      const set = (value: string) => (title.set?.call(pick, value), titled?.pattern.test(value) && titled.resolve());
      Object.defineProperty(pick, 'title', { get: () => title.get?.call(pick), set });
    });
    const titleMatching = (pattern: RegExp) => new Promise<void>((resolve) => (titled = { pattern, resolve }));
    const command = vscode.commands.executeCommand('vogent.copyNumber');
    const pick = await picked;
    await fake().received(asked + 6, '/phone_numbers');
    const loaded = connection.numbers.size;
    const page = `loading page ${connection.numbers.pagesLoaded + 1}…`;
    let shown = titleMatching(new RegExp(`— \\d+ of ${loaded} match · ${page}$`));
    pick.value = 'front desk';
    await shown;
    assert.ok(pick.items.length > 0 && pick.items.length <= 200, `${pick.items.length} items`);
    assert.ok(pick.items.every((item) => item.alwaysShow), 'VS Code is not to filter them again');
    const target = fake().workspace.numbers[2_500];
    shown = titleMatching(new RegExp(`— 0 of ${loaded} match · ${page}$`));
    pick.value = target.number;
    await shown;
    const listed = new Promise<void>((resolve) => {
      const listener = pick.onDidChangeActive((items) => items[0]?.label === displayNumber(target) && (listener.dispose(), resolve()));
    });
    shown = titleMatching(/— 1 of 2,600 match · loading page 27…$/);
    held.release();
    await Promise.all([listed, shown]);
    pick.hide();
    last.release();
    await command;
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
    // The workbench echoes each value set here; an older echo can still arrive after this one is set, and
    // bring the older value back for a moment. The list of '' is final once its own echo has been heard.
    const echoed = new Promise<void>((resolve) => {
      const listener = pick.onDidChangeValue((value) => value === '' && (listener.dispose(), resolve()));
    });
    pick.value = '';
    await echoed;
    if (pick.items.length <= 1) {
      await new Promise<void>((resolve) => {
        const listener = pick.onDidChangeActive(() => pick.items.length > 1 && (listener.dispose(), resolve()));
      });
    }
    assert.equal(pick.items.length, 200);
    assert.match(pick.title ?? '', /— 3,000 of 3,000 match$/);
    pick.hide();
    await command;
  });
});

/** The getter and setter of a property, from wherever in the object's prototypes it is defined. */
function accessorOf(object: object, name: string): PropertyDescriptor {
  for (let o: object | null = object; o; o = Object.getPrototypeOf(o) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(o, name);
    if (descriptor) return descriptor;
  }
  throw new Error(`${name} is not a property`);
}
