import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { VogentConnection } from '../../src/connection/vogentConnection';
import { displayNumber } from '../../src/numbers/formatNumber';
import { sampleWorkspace, type Workspace } from '../fake-api/data';
import { gate } from '../fake-api/server';
import { children, errorMessages, extension, group, row, setting, stub, useVogent } from './support';

const opened: vscode.TextDocument[] = [];

/** An untitled document holding `text`, as a user would paste a snippet; emptied after the test. */
async function documentWith(text: string, language = 'typescript'): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ content: text, language });
  opened.push(document);
  return document;
}

/** Documents stay open after a test: emptied, their numbers cannot start lookups in the next one. */
async function emptyOpened(): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  for (const document of opened.splice(0)) edit.delete(document.uri, new vscode.Range(0, 0, document.lineCount, 0));
  await vscode.workspace.applyEdit(edit);
}

async function hoverAt(document: vscode.TextDocument, needle: string): Promise<string> {
  const offset = document.getText().indexOf(needle) + 2;
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    // As a person reads it: without Markdown's escapes and no-break spaces.
    .map((text) => text.replace(/&nbsp;/g, ' ').replace(/\\([^\\])/g, '$1'))
    .filter((text) => text.includes('Vogent') || text.includes('Reveal') || text.includes('answered'))
    .join('\n');
}

async function hintsIn(document: vscode.TextDocument): Promise<string[]> {
  const range = new vscode.Range(0, 0, document.lineCount, 0);
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, range);
  return hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
}

/** Resolves once `done` holds, checked after each change of the connection. */
function until(connection: VogentConnection, done: () => boolean): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = connection.onDidChange(() => done() && (stop(), resolve()));
    if (done()) {
      stop();
      resolve();
    }
  });
}

const STAGING_KEY = 'vk_staging_code_4Hs82kQe';

describe('Numbers in your code', () => {
  let staging: Workspace;
  const fake = useVogent({ codeFeatures: true, others: () => ({ [STAGING_KEY]: (staging = sampleWorkspace(60, 3, 'stg')) }) });
  afterEach(emptyOpened);

  it('with two workspaces, a number of either gets its hint and hover, naming its workspace', async () => {
    const ext = await extension();
    const ours = fake().workspace.numbers.find((n) => n.agentId === 'agent_002');
    const both = fake().workspace.numbers.find((n) => n.type === 'PSTN' && n.agentId === 'agent_003');
    assert.ok(ours && both);
    // A number held by both (moved from one workspace to the other, say).
    staging.numbers.push({ ...both, id: 'pn_stg_moved', agentId: null });
    await vscode.commands.executeCommand('vogent.addWorkspace', 'Staging', STAGING_KEY);
    await Promise.all(ext.workspaces.all.map((w) => w.connection.loadAll(new AbortController().signal)));
    const theirs = staging.numbers.find((n) => n.agentId === 'agent_stg002');
    assert.ok(theirs);
    const document = await documentWith(`call("${ours.number}");\ncall("${theirs.number}");\ncall("${both.number}");\n`);
    assert.deepEqual(await hintsIn(document), ['Appointment Reminders · Vogent', 'Appointment Reminders · Staging', 'Billing Helpline · Vogent +1']);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(2, 0, 3, 0));
    assert.match(String(hints[0]?.tooltip), /, also in Staging \(hover for each\)\./);
    const hover = await hoverAt(document, theirs.number);
    assert.ok(hover.includes(displayNumber(theirs)) && hover.includes('$(organization) Staging'), hover);
    assert.match(hover, /answered by Appointment Reminders/);
  });

  it('a number in a notebook cell gets the same hover', async () => {
    const { connection } = await extension();
    await connection.loadAll(new AbortController().signal);
    const number = fake().workspace.numbers.find((n) => n.agentId === 'agent_002');
    assert.ok(number);
    const cell = new vscode.NotebookCellData(vscode.NotebookCellKind.Code, `dial("${number.number}")\n`, 'python');
    const notebook = await vscode.workspace.openNotebookDocument('jupyter-notebook', new vscode.NotebookData([cell]));
    const document = notebook.cellAt(0).document;
    opened.push(document);
    assert.equal(document.uri.scheme, 'vscode-notebook-cell');
    assert.match(await hoverAt(document, number.number), /PSTN · answered by Appointment Reminders/);
  });

  it('a hover on a number in any format says which agent answers it, with actions', async () => {
    const { connection } = await extension();
    await connection.loadAll(new AbortController().signal);
    const number = fake().workspace.numbers.find((n) => n.agentId === 'agent_002');
    assert.ok(number);
    const written = `+1 555 ${number.number.slice(5, 8)} ${number.number.slice(8)}`;
    const document = await documentWith(`const fromNumber = "${written}";\n`);
    const hover = await hoverAt(document, written);
    assert.ok(hover.includes(displayNumber(number)), hover);
    assert.match(hover, /PSTN · answered by Appointment Reminders/);
    for (const action of ['Copy', 'Reveal in Phone Numbers', 'Open Linked Agent', 'Link to Agent…']) assert.ok(hover.includes(`[${action}](command:vogent.`), action);
  });

  it('a hover on a number id, found by lookup', async () => {
    const { connection } = await extension();
    await connection.loadAll(new AbortController().signal);
    const number = fake().workspace.numbers[200];
    const document = await documentWith(`dial({ numberId: '${number.id}' })`);
    assert.ok((await hoverAt(document, number.id)).includes(displayNumber(number)));
  });

  it('a number not loaded yet starts the one shared load-all, and says it is looking', async () => {
    const last = fake().workspace.numbers[249];
    const document = await documentWith(`VOGENT_FROM_NUMBER=${last.number}\n`);
    const sent = fake().requests.length;
    assert.match(await hoverAt(document, last.number), /looking up… \d+ numbers loaded/);
    const { connection } = await extension();
    await until(connection, () => connection.numbers.complete);
    assert.equal(fake().requests.slice(sent).filter((r) => r.path === '/phone_numbers').length, 3, 'every page once');
    assert.ok((await hoverAt(document, last.number)).includes(displayNumber(last)));
  });

  it('a lookup that failed says why, with Retry, instead of looking up for ever', async () => {
    const last = fake().workspace.numbers[249];
    const document = await documentWith(`VOGENT_FROM_NUMBER=${last.number}\n`);
    fake().inject({ path: '/phone_numbers', status: 400, body: { message: 'cursor expired' } });
    assert.match(await hoverAt(document, last.number), /looking up/);
    const { connection } = await extension();
    await until(connection, () => connection.numbers.error !== undefined);
    const failed = await hoverAt(document, last.number);
    assert.match(failed, /could not load every number to look this one up \(0 loaded\)\. Vogent refused the request \(400\): cursor expired/);
    assert.match(failed, /\[Retry\]\(command:vogent\.refresh\?/);
    assert.doesNotMatch(failed, /looking up…/);
    // The link as the hover gives it: its arguments name the workspace to refresh.
    const [, args] = /\(command:vogent\.refresh\?([^)]+)\)/.exec(failed) ?? [];
    await vscode.commands.executeCommand('vogent.refresh', ...(JSON.parse(decodeURIComponent(args)) as unknown[]));
    assert.match(await hoverAt(document, last.number), /looking up… \d+ numbers loaded/);
    await until(connection, () => connection.numbers.complete);
    assert.ok((await hoverAt(document, last.number)).includes(displayNumber(last)));
  });

  it('a number found before any agent name was needed gets its agent\'s name, asking for the names alone', async () => {
    await setting('pageSize', 10);
    const { connection } = await extension();
    await connection.show();
    assert.ok(!connection.agents.loaded);
    const { numbers, agents } = fake().workspace;
    const linked = numbers.slice(0, 10).find((n) => agents.some((a) => a.id === n.agentId));
    const agent = agents.find((a) => a.id === linked?.agentId);
    assert.ok(linked && agent);
    const sent = fake().requests.length;
    const document = await documentWith(`const from = '${linked.number}';\n`);
    await hintsIn(document);
    await until(connection, () => connection.agents.loaded);
    assert.deepEqual(await hintsIn(document), [agent.name]);
    assert.match(await hoverAt(document, linked.number), new RegExp(`answered by ${agent.name}`));
    assert.deepEqual(fake().requests.slice(sent).map((r) => r.path), ['/agents'], 'not every page of numbers');
  });

  it('inlay hints name the agent after each workspace number, and nothing for other numbers', async () => {
    const { connection } = await extension();
    await connection.loadAll(new AbortController().signal);
    const pstn = fake().workspace.numbers.filter((n) => n.type === 'PSTN');
    const [linked, unlinked] = [pstn.find((n) => n.agentId === 'agent_003'), pstn.find((n) => n.agentId === null)];
    assert.ok(linked && unlinked);
    const document = await documentWith(`a = "${linked.number}"\nb = "${unlinked.number}"\nc = "+1 212 698 7091"\n`);
    assert.deepEqual(await hintsIn(document), ['Billing Helpline', 'no agent']);
  });

  it('in a .env file: hints for linked, unlinked, spaced and id mentions, none outside; a link refreshes them', async () => {
    const { connection } = await extension();
    await connection.loadAll(new AbortController().signal);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the suite runs in the fixture workspace');
    // The fixture's text in an untitled copy, so that it can be emptied after the test.
    const fixture = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'voice-agent.env'));
    const document = await documentWith(new TextDecoder().decode(fixture), 'dotenv');
    assert.deepEqual(await hintsIn(document), ['Appointment Reminders', 'no agent', 'Order Status', 'After-Hours Triage']);
    assert.match(await hoverAt(document, '+1 555 000 0003'), /answered by After-Hours Triage/);
    assert.equal(await hoverAt(document, '+1 212 698 7091'), 'Not a number of your Vogent workspace.', 'no agent claimed for a number outside it');
    const target = fake().workspace.agents[2];
    stub(vscode.window, 'showQuickPick', (async (items: Thenable<vscode.QuickPickItem[]>) => (await items).find((i) => i.label === target.name)) as unknown as typeof vscode.window.showQuickPick);
    await vscode.commands.executeCommand('vogent.linkAgent', { phoneNumber: connection.numbers.get('pn_00000') });
    assert.deepEqual(await hintsIn(document), ['Appointment Reminders', target.name, 'Order Status', 'After-Hours Triage']);
  });

  it('a document without a number sends nothing', async () => {
    const { connection } = await extension();
    // The view, if on screen, loads its first page on its own: let that settle first.
    await connection.show();
    await connection.numbers.idle();
    const sent = fake().requests.length;
    const document = await documentWith('const x = 1 + 2; // no numbers here\n');
    await hintsIn(document);
    await hoverAt(document, 'x');
    await connection.numbers.idle();
    assert.deepEqual(fake().requests.slice(sent).map((r) => r.path), []);
  });

  it('Reveal loads what it needs, shows enough of the group and selects the number', async () => {
    const ext = await extension();
    const last = fake().workspace.numbers.filter((n) => n.type === 'PSTN').at(-1);
    assert.ok(last);
    await vscode.commands.executeCommand('vogent.revealNumber', last.number);
    assert.equal(ext.view.selection[0]?.id, `${ext.workspaces.all[0].id}/number:${last.id}`);
  });

  it('Reveal of a number far down draws the page that holds it under "Show 10 earlier", not every number before it', async () => {
    await setting('pageSize', 10);
    const ext = await extension();
    const pstn = fake().workspace.numbers.filter((n) => n.type === 'PSTN');
    const target = pstn[pstn.length - 1];
    await vscode.commands.executeCommand('vogent.revealNumber', target.number);
    assert.equal(ext.view.selection[0]?.id, `${ext.workspaces.all[0].id}/number:${target.id}`);
    const numbersShown = (nodes: Awaited<ReturnType<typeof children>>) => nodes.filter((n) => n.contextValue?.startsWith('phoneNumber')).map((n) => n.label);
    const shown = await children(await group('PSTN numbers'));
    const page = Math.floor((pstn.length - 1) / 10) * 10;
    assert.deepEqual(numbersShown(shown), pstn.slice(page).map(displayNumber));
    assert.equal(row(shown[0]), 'Show 10 earlier');
    const sent = fake().requests.length;
    await vscode.commands.executeCommand(shown[0].command?.command ?? '', ...(shown[0].command?.arguments ?? []));
    const more = await children(await group('PSTN numbers'));
    assert.deepEqual(numbersShown(more), pstn.slice(page - 10).map(displayNumber));
    assert.equal(fake().requests.length, sent, 'the earlier page was loaded already');
  });

  it('Reveal of a number that is not there can be cancelled while it loads: the loading stops, nothing is said', async () => {
    const { connection } = await extension();
    // The first page the reveal asks for answers only once it is cancelled.
    const held = gate();
    fake().inject({ path: '/phone_numbers', hold: held.promise });
    const cancel = new vscode.CancellationTokenSource();
    const asked: vscode.ProgressOptions[] = [];
    stub(vscode.window, 'withProgress', ((options: vscode.ProgressOptions, task: (p: unknown, t: vscode.CancellationToken) => Thenable<unknown>) => {
      asked.push(options);
      return task({ report: () => undefined }, cancel.token);
    }) as typeof vscode.window.withProgress);
    const shown = errorMessages();
    const said: string[] = [];
    stub(vscode.window, 'showInformationMessage', (async (message: string) => void said.push(message)) as typeof vscode.window.showInformationMessage);
    const sent = fake().requests.length;
    const reveal = vscode.commands.executeCommand('vogent.revealNumber', '+1 999 000 0000');
    await fake().received(sent + 1);
    cancel.cancel();
    held.release();
    await reveal;
    await connection.numbers.idle();
    assert.deepEqual(asked.map((o) => o.cancellable), [true]);
    assert.ok(!connection.numbers.complete, 'the load stopped');
    assert.deepEqual([shown, said], [[], []]);
  });
});
