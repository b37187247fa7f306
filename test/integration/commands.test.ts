import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { displayNumber } from '../../src/numbers/formatNumber';
import type { PhoneNumberItem } from '../../src/tree/phoneNumberItem';
import type { TreeNode as Node } from '../../src/tree/phoneNumbersProvider';
import { captureQuickPick, children, extension, group, revealInView, row, setting, stub, useVogent } from './support';

async function numberRow(groupLabel: string, predicate: (n: Node) => boolean): Promise<Node> {
  const found = (await children(await group(groupLabel))).find(predicate);
  assert.ok(found, `no matching row under ${groupLabel}`);
  return found;
}

const linkedPstn = (n: Node) => n.contextValue === 'phoneNumber pstn linked' && !String(n.description).includes('unknown');
const unlinkedPstn = (n: Node) => n.contextValue === 'phoneNumber pstn unlinked';

/** Answers the next showQuickPick with `choose`, given the items the command offered. */
function pickFromQuickPick(choose: (items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined): void {
  const answer = async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => choose(await items);
  stub(vscode.window, 'showQuickPick', answer as unknown as typeof vscode.window.showQuickPick);
}

/** Types into a quick pick, waits until the workbench has filtered to `label`, and accepts it. */
async function typeAndAccept(pick: vscode.QuickPick<vscode.QuickPickItem>, value: string, label: string): Promise<void> {
  const active = new Promise<void>((resolve) => {
    const listener = pick.onDidChangeActive((items) => {
      if (items[0]?.label === label) {
        listener.dispose();
        resolve();
      }
    });
  });
  pick.value = value;
  await active;
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

describe('Commands', () => {
  const fake = useVogent();

  describe('copy', () => {
    it('copies a number from its tree item and confirms it', async () => {
      const item = await numberRow('PSTN numbers', unlinkedPstn);
      const flashed: string[] = [];
      stub(vscode.window, 'setStatusBarMessage', ((text: string) => (flashed.push(text), { dispose() {} })) as typeof vscode.window.setStatusBarMessage);
      await vscode.env.clipboard.writeText('before');
      await vscode.commands.executeCommand('vogent.copyNumber', item);
      // The row reads "+1 555 000 0004"; what is copied is E.164, exactly as the API gave it.
      const { number } = (item as PhoneNumberItem).phoneNumber;
      assert.equal(await vscode.env.clipboard.readText(), number);
      assert.match(String(item.label), /^\+1 555 \d{3} \d{4}$/);
      assert.deepEqual(flashed, [`$(check) Copied ${number}`]);
    });

    it('Ctrl+C on a group says there is nothing to copy', async () => {
      const flashed: string[] = [];
      stub(vscode.window, 'setStatusBarMessage', ((text: string) => (flashed.push(text), { dispose() {} })) as typeof vscode.window.setStatusBarMessage);
      await revealInView(await group('PSTN numbers'));
      await vscode.env.clipboard.writeText('before');
      await vscode.commands.executeCommand('vogent.copySelectedNumber');
      assert.equal(await vscode.env.clipboard.readText(), 'before');
      assert.deepEqual(flashed, ['$(info) Nothing to copy here: select a phone number.']);
    });

    it('copies a number as the format picked', async () => {
      const item = await numberRow('PSTN numbers', unlinkedPstn);
      const offered: string[] = [];
      stub(vscode.window, 'showQuickPick', (async (items: readonly (vscode.QuickPickItem & { value: string })[]) => {
        offered.push(...items.map((i) => i.label));
        return items.find((i) => i.label === 'National');
      }) as unknown as typeof vscode.window.showQuickPick);
      await vscode.commands.executeCommand('vogent.copyNumberAs', item);
      assert.deepEqual(offered, ['E.164', 'International', 'National', 'tel: URI', 'ID', 'JSON']);
      assert.match(await vscode.env.clipboard.readText(), /^\(555\) \d{3}-\d{4}$/);
    });

    it('copies the number id from the context menu command', async () => {
      const item = await numberRow('SIP usernames', () => true);
      await vscode.commands.executeCommand('vogent.copyNumberId', item);
      const id = fake().workspace.numbers.find((n) => displayNumber(n) === item.label)?.id;
      assert.equal(await vscode.env.clipboard.readText(), id);
    });

    it('copies the focused number (what Ctrl+C runs in the view)', async () => {
      const item = await numberRow('SIP usernames', () => true);
      await revealInView(item);
      await vscode.commands.executeCommand('vogent.copySelectedNumber');
      assert.equal(await vscode.env.clipboard.readText(), (item as PhoneNumberItem).phoneNumber.number);
    });

    it('from the palette, picks among all numbers, not only loaded pages, by agent name or id', async () => {
      const workspace = fake().workspace;
      const last = workspace.numbers[workspace.numbers.length - 1];
      const picked = captureQuickPick();
      const command = vscode.commands.executeCommand('vogent.copyNumber');
      const pick = await picked;
      assert.match(pick.title ?? '', /^Copy Phone Number — /);
      await typeAndAccept(pick, last.id, displayNumber(last));
      await command;
      assert.equal(await vscode.env.clipboard.readText(), last.number);
      assert.equal(fake().requests.filter((r) => r.path === '/phone_numbers').length, Math.ceil(workspace.numbers.length / 100));
    });
  });

  describe('a page failing while the palette loads', () => {
    it('is said in a notification; the numbers loaded stay listed, and the page is not asked again on its own', async () => {
      const { connection } = await extension();
      await connection.show();
      fake().inject({ path: '/phone_numbers', status: 400, body: { message: 'cursor expired' } });
      let said = (_: string): void => undefined;
      const error = new Promise<string>((resolve) => (said = resolve));
      stub(vscode.window, 'showErrorMessage', (async (message: string) => void said(message)) as unknown as typeof vscode.window.showErrorMessage);
      const picked = captureQuickPick();
      const command = vscode.commands.executeCommand('vogent.copyNumber');
      const pick = await picked;
      assert.equal(await error, 'Could not load every phone number: Vogent refused the request (400): cursor expired');
      assert.equal(pick.items.length, 100, 'the first page stays listed');
      pick.hide();
      await command;
      assert.equal(fake().requests.filter((r) => r.path === '/phone_numbers').length, 2, 'the failed page is not asked again on its own');
    });
  });

  describe('agent names in the palette', () => {
    it('with every number on one page, still names the agents and finds a number by its agent', async () => {
      await setting('pageSize', 500);
      const { connection } = await extension();
      await connection.show();
      assert.ok(connection.numbers.complete && !connection.agents.loaded, 'one page holds every number; no names asked for yet');
      const { numbers, agents } = fake().workspace;
      const agent = agents.find((a) => numbers.some((n) => n.agentId === a.id));
      const first = numbers.find((n) => n.agentId === agent?.id);
      assert.ok(agent && first);
      const picked = captureQuickPick();
      const command = vscode.commands.executeCommand('vogent.copyNumber');
      await typeAndAccept(await picked, agent.name, displayNumber(first));
      await command;
      assert.equal(await vscode.env.clipboard.readText(), first.number);
    });
  });

  describe('open the linked agent', () => {
    it('opens the agent URL from the template, with the id encoded', async () => {
      const opened: string[] = [];
      stub(vscode.env, 'openExternal', async (uri: vscode.Uri | string) => opened.push(String(uri)) > 0);
      const item = await numberRow('PSTN numbers', linkedPstn);
      const number = fake().workspace.numbers.find((n) => displayNumber(n) === item.label);
      await vscode.commands.executeCommand('vogent.openAgent', item);
      assert.deepEqual(opened, [`https://app.vogent.ai/agents/${number?.agentId}`]);
    });

    it('keeps an encoded "/" in the agent id encoded', async () => {
      const opened: string[] = [];
      stub(vscode.env, 'openExternal', async (uri: vscode.Uri | string) => opened.push(String(uri)) > 0);
      const phoneNumber = { id: 'pn_slash', number: '+15550009999', type: 'PSTN', agentId: 'team/a1' };
      await vscode.commands.executeCommand('vogent.openAgent', { phoneNumber });
      assert.deepEqual(opened, ['https://app.vogent.ai/agents/team%2Fa1']);
    });

    it('says so for an unlinked number instead of opening a broken URL', async () => {
      const opened: unknown[] = [];
      const told: string[] = [];
      stub(vscode.env, 'openExternal', async (uri: vscode.Uri) => opened.push(uri) > 0);
      stub(vscode.window, 'showInformationMessage', async (message: string) => told.push(message) && undefined);
      const item = await numberRow('PSTN numbers', unlinkedPstn);
      await vscode.commands.executeCommand('vogent.openAgent', item);
      assert.deepEqual(opened, []);
      assert.deepEqual(told, [`${item.label} is not linked to an agent.`]);
    });

    it('explains a template without {agentId}', async () => {
      const opened: unknown[] = [];
      const errors: string[] = [];
      stub(vscode.env, 'openExternal', async (uri: vscode.Uri) => opened.push(uri) > 0);
      stub(vscode.window, 'showErrorMessage', async (message: string) => errors.push(message) && undefined);
      await setting('agentUrlTemplate', 'https://app.vogent.ai/agents/');
      try {
        await vscode.commands.executeCommand('vogent.openAgent', await numberRow('PSTN numbers', linkedPstn));
      } finally {
        await setting('agentUrlTemplate', undefined);
      }
      assert.deepEqual(opened, []);
      assert.match(errors[0] ?? '', /must contain \{agentId\}/);
    });
  });

  describe('link and unlink', () => {
    it('links a number to a picked agent and updates the row in place', async () => {
      const item = await numberRow('PSTN numbers', unlinkedPstn);
      const target = fake().workspace.agents[2];
      pickFromQuickPick((items) => items.find((i) => i.label === target.name));
      const sentBefore = fake().requests.length;
      await vscode.commands.executeCommand('vogent.linkAgent', item);
      const put = fake().requests.find((r) => r.method === 'PUT');
      assert.deepEqual(put?.body, { agentId: target.id });
      const after = (await children(await group('PSTN numbers'))).find((n) => n.label === item.label);
      assert.equal(after && row(after), `${item.label} — ${target.name}`);
      assert.equal(after?.contextValue, 'phoneNumber pstn linked');
      // A reload would start again from the first page (no cursor).
      const reloads = fake().requests.slice(sentBefore).filter((r) => r.path === '/phone_numbers' && r.query.cursor === undefined);
      assert.deepEqual(reloads, [], 'no reload');
    });

    it('unlinks after a confirmation, sending an empty agentId', async () => {
      const item = await numberRow('PSTN numbers', linkedPstn);
      stub(vscode.window, 'showWarningMessage', async () => 'Unlink');
      await vscode.commands.executeCommand('vogent.unlinkAgent', item);
      assert.deepEqual(fake().requests.find((r) => r.method === 'PUT')?.body, { agentId: '' });
      const after = (await children(await group('PSTN numbers'))).find((n) => n.label === item.label);
      assert.equal(after && row(after), `${item.label} — no agent`);
    });

    it('keeps the number linked when the user cancels the unlink', async () => {
      const item = await numberRow('PSTN numbers', linkedPstn);
      const asked: unknown[][] = [];
      stub(vscode.window, 'showWarningMessage', (async (...args: unknown[]) => void asked.push(args)) as typeof vscode.window.showWarningMessage);
      await vscode.commands.executeCommand('vogent.unlinkAgent', item);
      // Asked, and answered with Escape: not left early for another reason.
      assert.equal(asked.length, 1);
      assert.match(String(asked[0][0]), new RegExp(`^Unlink ${String(item.label).replace(/\+/g, '\\+')} from `));
      assert.deepEqual(asked[0].slice(1), [{ modal: true, detail: 'Calls to this number will no longer reach the agent until it is linked again.' }, 'Unlink']);
      assert.equal(fake().requests.filter((r) => r.method === 'PUT').length, 0);
    });

    it('shows the server\'s message on a 422', async () => {
      const item = await numberRow('PSTN numbers', unlinkedPstn);
      const errors: string[] = [];
      stub(vscode.window, 'showErrorMessage', async (message: string) => errors.push(message) && undefined);
      pickFromQuickPick((items) => items[0]);
      fake().inject({ method: 'PUT', status: 422, body: { message: 'Agent is archived' } });
      await vscode.commands.executeCommand('vogent.linkAgent', item);
      assert.deepEqual(errors, [`Could not link ${item.label}: Vogent refused the request (422): Agent is archived`]);
      const after = (await children(await group('PSTN numbers'))).find((n) => n.label === item.label);
      assert.equal(after?.description, 'no agent');
    });
  });
});
