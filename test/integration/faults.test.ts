import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { displayNumber } from '../../src/numbers/formatNumber';
import { sampleWorkspace } from '../fake-api/data';
import { gate, startFakeVogent, type Fault } from '../fake-api/server';
import { GOOD_KEY, children, extension, group, keyChange, row, rows, setting, stub, useVogent } from './support';

/** Clicks a message item's command, as a user clicking "Retry" would. */
async function click(label: string, items: Awaited<ReturnType<typeof children>>): Promise<void> {
  const item = items.find((n) => n.label === label);
  assert.ok(item?.command, `no "${label}" item with a command among: ${items.map(row).join(' | ')}`);
  await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
}

const GROUPS = /^(PSTN numbers|SIP usernames) — \d+ so far$/;

describe('Fault matrix: the view says what went wrong, and Retry works once the fault clears', () => {
  const fake = useVogent();

  const html = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
  const now = { 'Retry-After': '0' };
  const cases: [string, Fault, RegExp][] = [
    ['400 with a JSON body', { status: 400, body: { message: 'limit is invalid' } }, /^Vogent refused the request \(400\): limit is invalid$/],
    ['400 with a text body', { status: 400, body: 'Bad request: unknown cursor' }, /^Vogent refused the request \(400\): Bad request: unknown cursor$/],
    ['422 with a JSON body', { status: 422, body: { error: 'Validation failed' } }, /^Vogent refused the request \(422\): Validation failed$/],
    ['422 with a text body', { status: 422, body: 'validation failed: limit' }, /^Vogent refused the request \(422\): validation failed: limit$/],
    ['404', { status: 404, body: { message: 'No such route' } }, /^Vogent has no GET \/phone_numbers here \(404\): check the vogent\.apiBaseUrl setting\.$/],
    ['429 with a long Retry-After', { status: 429, headers: { 'Retry-After': '120' } }, /^Vogent is limiting requests \(429\); try again in 120 s\.$/],
    ['500', { status: 500, body: { message: 'internal error' }, headers: now }, /^Vogent had a problem \(500\): internal error$/],
    ['503', { status: 503, body: 'down for maintenance', headers: now }, /^Vogent had a problem \(503\): down for maintenance$/],
    ['502 with an HTML page', { status: 502, body: html, contentType: 'text/html', headers: now }, /^Vogent had a problem \(502\)\.$/],
    ['malformed JSON', { status: 200, body: '{"data": [{"id": ', contentType: 'application/json' }, /unexpected response to GET \/phone_numbers: the body is not valid JSON\.$/],
    ['a wrong JSON shape', { status: 200, body: { items: [], next: null } }, /unexpected response to GET \/phone_numbers: response\.data should be a list\.$/],
    ['a hung server', { hang: true }, /^Vogent did not answer within 1 s\.$/],
  ];

  for (const [name, fault, message] of cases) {
    it(`${name}: a clear message, then Retry recovers`, async () => {
      fake().inject({ path: '/phone_numbers', times: 10, ...fault });
      // Only the hung server waits for the timeout: a second-long one elsewhere could fail a slow machine's key check.
      if (fault.hang) await setting('requestTimeoutSeconds', 1);
      (await extension()).connection.reset();
      const shown = await children().finally(() => fault.hang && setting('requestTimeoutSeconds', undefined));
      assert.match(row(shown[0]), message);
      assert.deepEqual(shown.slice(1).map(row), ['Retry', 'Show Logs']);
      assert.ok(!shown.some((n) => /<html|<body/i.test(row(n))), 'no HTML in the view');

      fake().clearFaults();
      await click('Retry', shown);
      const after = await rows();
      assert.equal(after.length, 2);
      assert.ok(after.every((r) => GROUPS.test(r)), after.join(' | '));
    });
  }

  for (const status of [401, 403]) {
    it(`${status}: the view says the key was rejected; replacing the key recovers`, async () => {
      fake().inject({ path: '/phone_numbers', times: 10, status, body: { error: 'Invalid API key' } });
      const ext = await extension();
      ext.connection.reset();
      assert.deepEqual(await rows(), [], 'the tree is empty so the "rejected" welcome shows');
      assert.equal(ext.connection.status, 'rejected');
      fake().clearFaults();
      await keyChange(() => vscode.commands.executeCommand('vogent.setApiKey', GOOD_KEY));
      assert.equal(ext.connection.status === 'rejected', false);
      assert.equal((await rows()).length, 2);
    });
  }

  it('429 with a Retry-After of 0: retried and loaded, without bothering the user', async () => {
    fake().inject({ path: '/phone_numbers', status: 429, headers: { 'Retry-After': '0' } });
    (await extension()).connection.reset();
    assert.equal((await rows()).length, 2);
    assert.deepEqual(fake().requests.filter((r) => r.path === '/phone_numbers').map((r) => r.query.cursor), [undefined, undefined]);
  });

  it('a repeated cursor: loading stops with a message under the group, and Retry goes on', async () => {
    const pstn = await group('PSTN numbers');
    const loaded = (await children(pstn)).filter((n) => n.contextValue?.startsWith('phoneNumber')).length;
    fake().inject({ path: '/phone_numbers', repeatCursor: true });
    await vscode.commands.executeCommand('vogent.loadMore', 'PSTN');
    const shown = await children(pstn);
    assert.deepEqual(shown.filter((n) => !n.contextValue?.startsWith('phoneNumber')).map(row), [
      'Vogent repeated a page cursor while listing phone numbers; loading stopped to avoid an endless loop.',
      'Retry',
      'Show Logs',
    ]);
    const before = shown.filter((n) => n.contextValue?.startsWith('phoneNumber')).length;
    assert.ok(before >= loaded, 'what was shown stays');
    await click('Retry', shown);
    assert.ok((await children(pstn)).filter((n) => n.contextValue?.startsWith('phoneNumber')).length > before);
  });

  it('a server that never ends: loading stops at vogent.maxPages with a message under the group, and a raised limit goes on', async () => {
    await setting('maxPages', 4);
    try {
      const pstn = await group('PSTN numbers');
      fake().inject({ path: '/phone_numbers', endless: true, times: Infinity });
      await vscode.commands.executeCommand('vogent.loadMore', 'PSTN');
      const messages = (await children(pstn)).filter((n) => !n.contextValue?.startsWith('phoneNumber')).map(row);
      assert.match(messages[0] ?? '', /^Vogent sent 5 pages \(\d+ records\) of phone numbers and was still sending more; loading stopped at the vogent\.maxPages setting \(4\)\.$/);
      const sent = fake().requests.length;
      await setting('maxPages', 6);
      await click('Retry', await children(pstn));
      assert.equal(fake().requests.length, sent + 3, 'pages 5 and 6, and the one past the new limit');
    } finally {
      await setting('maxPages', undefined);
    }
  });
});

describe('Refresh that fails', () => {
  const fake = useVogent();

  it('keeps what is shown and says why in a notification with Retry and Show Logs', async () => {
    assert.equal((await rows()).length, 2);
    const shown: { message: string; actions: string[] }[] = [];
    stub(vscode.window, 'showErrorMessage', (async (message: string, ...actions: string[]) => {
      shown.push({ message, actions });
      return undefined;
    }) as unknown as typeof vscode.window.showErrorMessage);
    fake().inject({ path: '/phone_numbers', status: 500, body: { message: 'try later' }, headers: { 'Retry-After': '0' }, times: 3 });
    await vscode.commands.executeCommand('vogent.refresh');
    assert.deepEqual(shown, [{ message: 'Could not refresh the phone numbers: Vogent had a problem (500): try later', actions: ['Retry', 'Show Logs'] }]);
    assert.equal((await rows()).length, 2, 'the loaded groups stay');
  });

  it('Retry in that notification refreshes again, and what changed on the server shows', async () => {
    const pstn = await group('PSTN numbers');
    const target = (await children(pstn)).find((n) => n.contextValue === 'phoneNumber pstn unlinked');
    assert.ok(target);
    const answers = ['Retry', undefined];
    stub(vscode.window, 'showErrorMessage', (async () => answers.shift()) as unknown as typeof vscode.window.showErrorMessage);
    fake().inject({ path: '/phone_numbers', status: 500, headers: { 'Retry-After': '0' }, times: 3 });
    const changed = fake().workspace.numbers.find((n) => displayNumber(n) === target.label);
    assert.ok(changed);
    changed.agentId = fake().workspace.agents[0].id;
    await vscode.commands.executeCommand('vogent.refresh');
    assert.deepEqual(answers, [undefined], 'asked once: the retry worked');
    const after = (await children(pstn)).find((n) => n.label === target.label);
    assert.equal(after?.description, fake().workspace.agents[0].name);
  });
});

describe('Failures do not turn into request loops or stale views', () => {
  const fake = useVogent();

  it('a next page that keeps failing is asked for again only on Retry, not on every redraw', async () => {
    // The first page holds fewer SIP usernames than a page's worth, so expanding the group needs more pages.
    const sip = await group('SIP usernames');
    fake().inject({ path: '/phone_numbers', status: 400, body: { message: 'bad cursor' }, times: 100 });
    await children(sip);
    // Page requests only: agent names load alongside, once.
    const pageRequests = () => fake().requests.filter((r) => r.path === '/phone_numbers').length;
    const sent = pageRequests();
    for (let redraw = 0; redraw < 5; redraw++) {
      await children();
      await children(sip);
    }
    assert.equal(pageRequests(), sent, 'redraws sent requests');
    assert.ok((await children(sip)).some((n) => n.label === 'Vogent refused the request (400): bad cursor'));
  });

  it('a refresh that ends after the settings changed does not bring the old numbers back', async () => {
    const ext = await extension();
    await children(await group('PSTN numbers'));
    const other = await startFakeVogent({ workspace: sampleWorkspace(30), apiKeys: [GOOD_KEY] });
    try {
      // The refresh's first page is answered only once the setting has changed.
      const held = gate();
      fake().inject({ path: '/phone_numbers', method: 'GET', hold: held.promise });
      const refresh = vscode.commands.executeCommand('vogent.refresh');
      await fake().received(fake().requests.length + 1);
      await setting('apiBaseUrl', other.url);
      held.release();
      await refresh;
      assert.equal(ext.connection.numbers.size, 0, 'the reload from the old server was adopted');
      const count = (type: string) => other.workspace.numbers.filter((n) => n.type === type).length;
      assert.deepEqual(await rows(), [`PSTN numbers — ${count('PSTN')}`, `SIP usernames — ${count('SIP_USERNAME')}`]);
    } finally {
      await other.close();
    }
  });
});
