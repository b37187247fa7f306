// What only a person sees: the sidebar driven with clicks and keys in the headless VS Code.
// Screenshots land in test-results/screenshots/; `npm run screenshots` refreshes the README's in docs/.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import type { FakeVogent } from '../fake-api/server';
import { screenshotPath } from './host';
import { useWorkbench, type Workbench } from './workbench';

const KEY = 'demo-key';

describe('The Vogent sidebar, as a person uses it', () => {
  const open = useWorkbench({ apiKey: KEY, latencyMs: 30 });
  let page: Page;
  let fake: FakeVogent;
  let view: Workbench['view'];
  let row: Workbench['row'];
  const numberRows = () => view().locator('.monaco-list-row[aria-level="2"]').filter({ hasText: /^\+1555/ });
  const shot = (name: string) => page.screenshot({ path: screenshotPath(name) });

  before(() => ({ page, fake, view, row } = open()));

  it('shows the Vogent icon in the activity bar, and a welcome with a Set API Key button', async () => {
    const icon = page.locator('.activitybar .action-item a[aria-label^="Vogent"]');
    await icon.click();
    const button = view().getByRole('button', { name: 'Set API Key' });
    await button.waitFor();
    await assertVisibleText(view(), 'Connect to Vogent');
    assert.equal(fake.requests.length, 0, 'nothing is sent before a key is set');
    await shot('welcome.png');
  });

  it('asks for the key in a password box, checks it, and shows both groups with counts', async () => {
    await view().getByRole('button', { name: 'Set API Key' }).click();
    const input = page.locator('.quick-input-widget input[type="password"]');
    await input.waitFor();
    await input.fill('wrong-key');
    await input.press('Enter');
    await page.locator('.quick-input-widget').getByText(/Vogent rejected the API key \(401\)/).waitFor();
    await shot('key-rejected.png');
    await input.fill(KEY);
    await input.press('Enter');
    await row('PSTN numbers').waitFor();
    await row('SIP usernames').waitFor();
    assert.match(await row('PSTN numbers').innerText(), /PSTN numbers\s*\d+ so far/);
    await shot('groups.png');
  });

  it('expands a group to a page of numbers with their agents', async () => {
    await row('PSTN numbers').click();
    await numberRows().first().waitFor();
    const count = await numberRows().count();
    assert.ok(count > 5, `only ${count} number rows rendered`);
    await assertVisibleText(view(), 'no agent');
    await shot('expanded.png');
    // The list renders only what is on screen: go to its end, where "Load more…" is.
    await page.keyboard.press('End');
    await row('Load more…').first().waitFor();
    await shot('load-more.png');
  });

  it('loads more when "Load more…" is clicked, until the count is exact', async () => {
    const pstn = fake.workspace.numbers.filter((n) => n.type === 'PSTN');
    await row('Load more…').first().click();
    // 250 numbers in pages of 100: one "Load more…" reaches the end, and the count loses its "so far".
    // The group's row (kept on screen as the sticky header) shows the exact count once loading ends.
    const groupRow = view().locator('.monaco-tree-sticky-row, .monaco-list-row[aria-level="1"]');
    await groupRow.filter({ hasText: new RegExp(`^PSTN numbers\\s*${pstn.length}$`) }).first().waitFor();
    await page.keyboard.press('End');
    await row(pstn[pstn.length - 1].number).waitFor();
    assert.equal(await row('Load more…').count(), 0, 'no "Load more…" once every page is loaded');
    await shot('loaded.png');
  });

  it('copies a number with the inline copy action', async () => {
    await page.keyboard.press('Home');
    const target = numberRows().nth(1);
    const number = (await target.locator('.label-name').innerText()).trim();
    await target.hover();
    await target.locator('.actions .action-label[aria-label="Copy Phone Number"]').click();
    // The confirmation appears once the clipboard has been written.
    await page.locator('.statusbar').getByText(`Copied ${number}`).waitFor();
    assert.equal(await clipboard(), number);
    await shot('copied.png');
  });

  it('copies the focused number with Ctrl+C', async () => {
    const target = numberRows().nth(2);
    const number = (await target.locator('.label-name').innerText()).trim();
    await target.click();
    await page.keyboard.press('Control+C');
    await page.locator('.statusbar').getByText(`Copied ${number}`).waitFor();
    assert.equal(await clipboard(), number);
  });

  async function clipboard(): Promise<string> {
    return page.evaluate(() => navigator.clipboard.readText());
  }
});

async function assertVisibleText(scope: Locator, text: string): Promise<void> {
  await scope.getByText(text).first().waitFor();
}
