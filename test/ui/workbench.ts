// One headless VS Code per suite, opened on a fresh workspace with a fake Vogent API behind it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { sampleWorkspace, type Workspace } from '../fake-api/data';
import { startFakeVogent, type FakeVogent } from '../fake-api/server';
import { ROOT, startHost, type Host } from './host';

export interface Workbench {
  host: Host;
  page: Page;
  fake: FakeVogent;
  /** The Phone Numbers view. */
  view(): Locator;
  /** Rows of the view with this text. */
  row(label: string | RegExp): Locator;
  /** Runs a command from the command palette, by its title. */
  runCommand(title: string): Promise<void>;
  /** Opens the Vogent view, sets the key from its welcome and waits for the groups. */
  setKeyFromWelcome(key: string): Promise<void>;
}

export interface WorkbenchOptions {
  apiKey: string;
  /** Other Vogent workspaces the fake API serves, by key. */
  others?: Record<string, Workspace>;
  latencyMs?: number;
  /** How many numbers the fake workspace holds (250 unless said). */
  numbers?: number;
  /** .vsix files to install instead of loading the development folder. */
  install?: string[];
  /** Extra environment for the server, which the extension host inherits. */
  env?: Record<string, string>;
}

export function useWorkbench(options: WorkbenchOptions): () => Workbench {
  let workbench: Workbench | undefined;
  let folder: string | undefined;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vogent-ui-'));
    // A folder with a plain name, since the window title shows it.
    const workspace = path.join(folder, 'my-voice-app');
    fs.mkdirSync(workspace);
    const fake = await startFakeVogent({ workspace: sampleWorkspace(options.numbers ?? 250, 8), apiKeys: [options.apiKey], others: options.others, latencyMs: options.latencyMs });
    const host = await startHost({
      extensionPath: options.install ? undefined : ROOT,
      install: options.install,
      env: options.env,
      workspace,
      settings: { 'vogent.apiBaseUrl': fake.url },
      viewport: { width: 1280, height: 800 },
    });
    const page = host.page;
    await page.locator('.monaco-workbench').waitFor();
    const view = () => page.locator('.pane:has(.pane-header[aria-label^="Phone Numbers"])');
    const row = (label: string | RegExp) => view().locator('.monaco-list-row').filter({ hasText: label });
    workbench = {
      host,
      page,
      fake,
      view,
      row,
      runCommand: async (title) => {
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget input');
        await input.fill(`>${title}`);
        await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().waitFor();
        await input.press('Enter');
      },
      setKeyFromWelcome: async (key) => {
        await page.locator('.activitybar .action-item a[aria-label^="Vogent"]').click();
        await view().getByRole('button', { name: 'Set API Key' }).click();
        await page.locator('.quick-input-widget input[type="password"]').fill(key);
        await page.keyboard.press('Enter');
        await row('PSTN numbers').first().waitFor();
      },
    };
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !workbench) return;
    const file = path.join(os.tmpdir(), `vogent-ui-failed-${Date.now()}.png`);
    await workbench.page.screenshot({ path: file });
    console.error(`    screenshot of the failure: ${file}`);
  });

  after(async () => {
    await workbench?.host.close();
    await workbench?.fake.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  return () => {
    if (!workbench) throw new Error('the workbench is not open');
    return workbench;
  };
}
