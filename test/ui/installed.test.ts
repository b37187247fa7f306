// The packaged extension, installed from its .vsix as a user would, driven through a whole session;
// then every file the session wrote (but the browser profile, where VS Code keeps secrets) is searched for the key.
// A probe extension, installed next to it, plays any other extension trying to reach the key through its exports.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createVSIX } from '@vscode/vsce';
import type { Page } from 'playwright-core';
import type { FakeVogent } from '../fake-api/server';
import { ROOT, filesUnder, screenshotPath, type Host } from './host';
import { useWorkbench, type Workbench } from './workbench';

const KEY = 'vk_live_SAFETY_8d1f27c4e9b3a6';
const VSIX = path.join(ROOT, 'vogent-phone-numbers.vsix');
const PROBE_SOURCE = path.join(ROOT, 'test', 'fixtures', 'probe-extension');
const PROBE_VSIX = path.join(ROOT, 'test-results', 'key-probe.vsix');
// Outside the session's folders, which the last test searches for the key: this file holds whatever the probe reached.
const PROBE_OUT_DIR = path.join(os.tmpdir(), `vogent-key-probe-${process.pid}`);
const PROBE_OUT = path.join(PROBE_OUT_DIR, 'exports.json');

/** What the probe extension writes: see test/fixtures/probe-extension/extension.js. */
interface ProbeResult {
  found: boolean;
  typeofExports: string;
  strings: string[];
  plantedKey: string;
}


/** Resolves once `file` exists; the probe renames it into place whole. */
function waitForFile(file: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = fs.watch(path.dirname(file));
    const done = (error?: Error) => {
      clearTimeout(timer);
      watcher.close();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => done(new Error(`the probe wrote nothing within ${timeoutMs / 1000} s`)), timeoutMs);
    watcher.on('change', () => fs.existsSync(file) && done());
    watcher.on('error', done);
    if (fs.existsSync(file)) done();
  });
}

async function packageProbe(): Promise<void> {
  fs.mkdirSync(path.dirname(PROBE_VSIX), { recursive: true });
  fs.rmSync(PROBE_OUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(PROBE_OUT_DIR);
  // A fixture, not a product: no repository, no license.
  await createVSIX({ cwd: PROBE_SOURCE, packagePath: PROBE_VSIX, dependencies: false, allowMissingRepository: true, skipLicense: true });
}

describe('The packaged extension, installed from its .vsix', () => {
  before(() => assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run npm run package first`));
  before(packageProbe);
  after(() => fs.rmSync(PROBE_OUT_DIR, { recursive: true, force: true }));
  const open = useWorkbench({ apiKey: KEY, install: [VSIX, PROBE_VSIX], env: { VOGENT_PROBE_OUT: PROBE_OUT } });
  let host: Host;
  let page: Page;
  let fake: FakeVogent;
  let view: Workbench['view'];
  let row: Workbench['row'];
  let runCommand: Workbench['runCommand'];

  before(() => ({ host, page, fake, view, row, runCommand } = open()));

  it('is installed from the .vsix, not from the development folder', () => {
    const installed = fs.readdirSync(host.extensionsDir).filter((name) => name.startsWith('vogent.vogent-phone-numbers-'));
    assert.equal(installed.length, 1, fs.readdirSync(host.extensionsDir).join(', '));
    const files = filesUnder(path.join(host.extensionsDir, installed[0])).map((f) => path.relative(path.join(host.extensionsDir, installed[0]), f));
    assert.ok(files.includes(path.join('dist', 'extension.js')));
    assert.ok(!files.some((f) => f.startsWith('src') || f.startsWith('test') || f.endsWith('.map') || f.endsWith('.ts')), files.join(', '));
  });

  it('works: set the key from the palette, browse, load more', async () => {
    await page.locator('.activitybar .action-item a[aria-label^="Vogent"]').click();
    await view().getByRole('button', { name: 'Set API Key' }).waitFor();
    await runCommand('Vogent: Set API Key');
    const input = page.locator('.quick-input-widget input[type="password"]');
    await input.waitFor();
    await input.fill(KEY);
    await input.press('Enter');
    await row('PSTN numbers').click();
    await row(/^\+1 555/).first().waitFor();
    await page.keyboard.press('End');
    await row(/^(Load more…|Show [\d,]+ more · [\d,]+ loaded)$/).first().click();
    await view().locator('.monaco-tree-sticky-row, .monaco-list-row').filter({ hasText: /^PSTN numbers\s*\d+$/ }).first().waitFor();
  });

  it('gives another installed extension neither the key nor a way to plant one', async () => {
    // The palette lists the commands known when it opens: wait until the installed extensions are registered.
    await page.locator('.activitybar .action-item a[aria-label^="Vogent"]').waitFor();
    await runCommand('Vogent Probe: Inspect Exports');
    await waitForFile(PROBE_OUT, 30_000);
    const probe = JSON.parse(fs.readFileSync(PROBE_OUT, 'utf8')) as ProbeResult;
    assert.ok(probe.found, 'the probe did not find the extension');
    // Not deepEqual on the strings: a failure would print the key.
    assert.ok(!probe.strings.some((s) => s.includes(KEY)), `the probe read the API key through activate() (${probe.strings.length} strings reached)`);
    assert.equal(probe.typeofExports, 'undefined', 'activate() hands its parts to any caller');
    // The planted key must open the usual prompt, empty, rather than be checked and saved.
    const input = page.locator('.quick-input-widget input[type="password"]');
    await input.waitFor();
    assert.equal(await input.inputValue(), '');
    await input.press('Escape');
    await input.waitFor({ state: 'hidden' });
    // The view still lists the user's numbers, and the planted key never went out (before the fix it was
    // sent to Vogent to be checked, and saved if accepted). No refresh to show it: one still running would
    // be shared by the next test's refresh and change the error that test expects.
    await row('PSTN numbers').waitFor();
    assert.ok(!fake.requests.some((r) => r.authorization?.includes(probe.plantedKey)), 'the planted key was sent to Vogent');
    assert.ok(fake.requests.every((r) => r.authorization === `Bearer ${KEY}`), 'a request carried another key');
  });

  it('shows errors without the key, even when the server echoes it', async () => {
    fake.inject({ path: '/phone_numbers', status: 500, body: { message: `upstream rejected Bearer ${KEY}` }, headers: { 'Retry-After': '0' }, times: 6 });
    await runCommand('Vogent: Refresh');
    // This host files notifications in the notification center (the bell) rather than as toasts.
    await page.locator('.monaco-alert').getByText(/Could not refresh the phone numbers/).waitFor({ state: 'attached' });
    await runCommand('Notifications: Show Notifications');
    const notification = page.locator('.notifications-center').getByText(/Could not refresh the phone numbers/);
    await notification.waitFor();
    assert.equal(await notification.innerText(), 'Could not refresh the phone numbers: Vogent had a problem (500): upstream rejected Bearer •••');
    await page.locator('.notifications-center').getByRole('button', { name: 'Retry' }).waitFor();
    await page.screenshot({ path: screenshotPath('error-notification.png') });
    await page.keyboard.press('Escape');
  });

  it('logs requests in the Vogent output channel, without the key', async () => {
    await runCommand('Vogent: Show Logs');
    // The editor renders spaces as no-break spaces.
    const shown = () => page.evaluate(() => document.querySelector('.part.panel')?.textContent?.replace(/\u00a0/g, ' ') ?? '');
    await page.waitForFunction(() => /GET \/phone_numbers\?limit=100 → 500/.test(document.querySelector('.part.panel')?.textContent?.replace(/\u00a0/g, ' ') ?? ''));
    const text = await shown();
    assert.match(text, /\[error\] Refreshing phone numbers: VogentError \[server\]: Vogent had a problem \(500\): upstream rejected Bearer •••/);
    assert.ok(!text.includes(KEY));
    await page.screenshot({ path: screenshotPath('log.png') });
  });

  it('leaves the key in no file of the session and nowhere on screen', async () => {
    const seen = await page.evaluate(() => document.body.innerText);
    assert.ok(!seen.includes(KEY), 'the key is on screen');
    const browserProfile = path.join(path.dirname(host.userDataDir), 'browser');
    const files = filesUnder(path.dirname(host.userDataDir)).filter((f) => !f.startsWith(browserProfile + path.sep));
    assert.ok(files.some((f) => f.includes(`${path.sep}logs${path.sep}`)), 'the logs folder was searched');
    assert.ok(files.some((f) => f.endsWith(`${path.sep}settings.json`)), 'the settings were searched');
    const holding = files.filter((f) => fs.readFileSync(f).includes(KEY));
    assert.deepEqual(holding, []);
  });
});
