// The packaged extension, installed from its .vsix as a user would, driven through a whole session;
// then every file the session wrote (but the browser profile, where VS Code keeps secrets) is searched for the key.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { FakeVogent } from '../fake-api/server';
import { ROOT, screenshotPath, type Host } from './host';
import { useWorkbench, type Workbench } from './workbench';

const KEY = 'vk_live_SAFETY_8d1f27c4e9b3a6';
const VSIX = path.join(ROOT, 'vogent-phone-numbers.vsix');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.isFile() ? [full] : [];
  });
}

describe('The packaged extension, installed from its .vsix', () => {
  before(() => assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run npm run package first`));
  const open = useWorkbench({ apiKey: KEY, install: [VSIX] });
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
    await row(/^\+1555/).first().waitFor();
    await page.keyboard.press('End');
    await row('Load more…').first().click();
    await view().locator('.monaco-tree-sticky-row, .monaco-list-row').filter({ hasText: /^PSTN numbers\s*\d+$/ }).first().waitFor();
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
