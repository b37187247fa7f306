// Two Vogent workspaces side by side, driven with clicks and keys in the headless VS Code.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { displayNumber } from '../../src/numbers/formatNumber';
import { sampleWorkspace } from '../fake-api/data';
import type { FakeVogent } from '../fake-api/server';
import { filesUnder, screenshotPath, type Host } from './host';
import { useWorkbench, type Workbench } from './workbench';

const KEY = 'vk_live_PRODUCTION_3c9a71e2';
const STAGING_KEY = 'vk_live_STAGING_5e0b84d6';

describe('Two Vogent workspaces in the sidebar', () => {
  const open = useWorkbench({ apiKey: KEY, others: { [STAGING_KEY]: sampleWorkspace(90, 4, 'stg') }, latencyMs: 30 });
  let page: Page;
  let host: Host;
  let fake: FakeVogent;
  let view: Workbench['view'];
  let row: Workbench['row'];
  let runCommand: Workbench['runCommand'];
  const shot = (name: string) => page.screenshot({ path: screenshotPath(name) });
  const input = () => page.locator('.quick-input-widget input');
  const staging = () => fake.others.get(STAGING_KEY) ?? sampleWorkspace(0);
  /** A workspace's node: the root rows are level 1. */
  const workspaceRow = (name: string) => view().locator('.monaco-list-row[aria-level="1"]').filter({ hasText: new RegExp(`^${name}`) });

  before(() => ({ page, host, fake, view, row, runCommand } = open()));

  it('adds a second workspace by name and key; each becomes a root node with its own groups', async () => {
    await open().setKeyFromWelcome(KEY);
    await runCommand('Vogent: Add Workspace');
    await input().fill('Staging');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget input[type="password"]').fill(STAGING_KEY);
    await page.keyboard.press('Enter');
    await workspaceRow('Staging').waitFor();
    await workspaceRow('Vogent').waitFor();
    assert.equal(await view().locator('.monaco-list-row[aria-level="2"]').filter({ hasText: 'PSTN numbers' }).count(), 2);
    // Expand Staging's PSTN group: its numbers, not the other workspace's.
    await view().locator('.monaco-list-row[aria-level="2"]').filter({ hasText: 'PSTN numbers' }).nth(1).click();
    await row(displayNumber(staging().numbers[0])).waitFor();
    await shot('workspaces.png');
  });

  it("offers a workspace's own actions on its node", async () => {
    await workspaceRow('Staging').click({ button: 'right' });
    const menu = page.locator('.context-view .action-label');
    for (const action of ['Refresh', 'Set API Key…', 'Remove API Key', 'Rename Workspace…', 'Remove Workspace…']) await menu.filter({ hasText: action }).first().waitFor();
    await shot('workspace-menu.png');
    await page.keyboard.press('Escape');
  });

  it('the palette lists both: a separator per workspace, and the workspace in each item', async () => {
    await runCommand('Vogent: Copy Phone Number');
    // Unfiltered, the list is in sections: the first workspace's separator labels its first row.
    await page.locator('.quick-input-list .monaco-list-row').first().getByText('Vogent', { exact: true }).waitFor();
    // Typed, VS Code orders the matches by label and drops the separators; each item's detail names its workspace.
    await input().fill('0001');
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'pn_stg00001 · Staging' }).waitFor();
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'pn_00001 · Vogent' }).waitFor();
    await shot('palette-workspaces.png');
    await page.keyboard.press('Escape');
  });

  it('a key revoked in one workspace shows in its node; the other keeps working', async () => {
    fake.others.delete(STAGING_KEY);
    await workspaceRow('Staging').hover();
    await workspaceRow('Staging').locator('.actions .action-label[aria-label^="Refresh"]').click();
    await row('Vogent rejected this API key').waitFor();
    await workspaceRow('Staging').filter({ hasText: 'API key rejected' }).waitFor();
    assert.equal(await view().locator('.monaco-list-row[aria-level="2"]').filter({ hasText: 'PSTN numbers' }).count(), 1);
    await shot('workspace-rejected.png');
  });

  it('keeps the workspace list, and neither key, in the global state', async () => {
    const state = await page.evaluate(async () => {
      const texts: string[] = [];
      for (const { name } of await indexedDB.databases()) {
        if (!name?.includes('state')) continue;
        const db = await new Promise<IDBDatabase>((resolve, reject) => Object.assign(indexedDB.open(name), { onsuccess(this: IDBOpenDBRequest) { resolve(this.result); }, onerror: reject }));
        for (const store of db.objectStoreNames) {
          const values = await new Promise<unknown[]>((resolve) => Object.assign(db.transaction(store).objectStore(store).getAll(), { onsuccess(this: IDBRequest<unknown[]>) { resolve(this.result); } }));
          texts.push(JSON.stringify(values));
        }
        db.close();
      }
      return texts.join('\n');
    });
    assert.match(state, /Staging/, 'the workspace list was not found: the state searched is not where it lives');
    assert.ok(!state.includes(KEY) && !state.includes(STAGING_KEY), 'a key is in the global state');
  });

  it('leaves neither key in any file of the session', async () => {
    const browserProfile = path.join(path.dirname(host.userDataDir), 'browser');
    const files = filesUnder(path.dirname(host.userDataDir)).filter((f) => !f.startsWith(browserProfile + path.sep));
    assert.ok(files.some((f) => f.endsWith(`${path.sep}settings.json`)), 'the settings were searched');
    const holding = files.filter((f) => [KEY, STAGING_KEY].some((key) => fs.readFileSync(f).includes(key)));
    assert.deepEqual(holding, []);
  });

  it('removing a workspace, after a confirmation, brings back the one-workspace layout', async () => {
    await workspaceRow('Staging').click({ button: 'right' });
    await page.locator('.context-view .action-label').filter({ hasText: 'Remove Workspace…' }).hover();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Remove' }).click();
    await view().locator('.monaco-list-row[aria-level="1"]').filter({ hasText: 'PSTN numbers' }).waitFor();
    assert.equal(await workspaceRow('Staging').count(), 0);
  });
});
