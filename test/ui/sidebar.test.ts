// What only a person sees: the sidebar driven with clicks and keys in the headless VS Code.
// Screenshots land in test-results/screenshots/; `npm run screenshots` refreshes the README's in docs/.
import * as assert from 'node:assert/strict';
import { displayNumber } from '../../src/numbers/formatNumber';
import type { Locator, Page } from 'playwright-core';
import type { FakeVogent } from '../fake-api/server';
import { screenshotPath } from './host';
import { useWorkbench, type Workbench } from './workbench';

const KEY = 'demo-key';

/** The E.164 form of a number as a row shows it ("+1 555 000 0001" → "+15550000001"). */
const e164Of = (shown: string) => shown.replace(/[^\d+]/g, '');

/** The last row of a group with more to show: "Load more…", or "Show 100 more · 4,800 loaded". */
const MORE = /^(Load more…|Show [\d,]+ more · [\d,]+ loaded)$/;

describe('The Vogent sidebar, as a person uses it', () => {
  const open = useWorkbench({ apiKey: KEY, latencyMs: 30 });
  let page: Page;
  let fake: FakeVogent;
  let view: Workbench['view'];
  let row: Workbench['row'];
  const numberRows = () => view().locator('.monaco-list-row[aria-level="2"]').filter({ hasText: /^\+1 555/ });
  const shot = (name: string) => page.screenshot({ path: screenshotPath(name) });

  let runCommand: Workbench['runCommand'];

  before(() => ({ page, fake, view, row, runCommand } = open()));

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
    // The list renders only what is on screen: go to its end, where the row that shows more is.
    await page.keyboard.press('End');
    await row(MORE).first().waitFor();
    await shot('load-more.png');
  });

  it('shows more when the last row is clicked, until the count is exact', async () => {
    const pstn = fake.workspace.numbers.filter((n) => n.type === 'PSTN');
    // Expanding loaded 134 PSTN numbers and shows 100: the row offers the 34 already loaded.
    assert.equal(await row(/^Show 34 more · 134 loaded$/).count(), 1);
    await row(MORE).first().click();
    // 250 numbers in pages of 100: one click reaches the end, and the count loses its "so far".
    // The group's row (kept on screen as the sticky header) shows the exact count once loading ends.
    const groupRow = view().locator('.monaco-tree-sticky-row, .monaco-list-row[aria-level="1"]');
    await groupRow.filter({ hasText: new RegExp(`^PSTN numbers\\s*${pstn.length}$`) }).first().waitFor();
    await page.keyboard.press('End');
    await row(displayNumber(pstn[pstn.length - 1])).waitFor();
    assert.equal(await row(MORE).count(), 0, 'nothing more to show once every number is shown');
    await shot('loaded.png');
  });

  it('copies a number with the inline copy action', async () => {
    await page.keyboard.press('Home');
    const target = numberRows().nth(1);
    // The row reads "+1 555 000 0001"; what is copied is E.164, exactly as the API gave it.
    const number = e164Of((await target.locator('.label-name').innerText()).trim());
    await target.hover();
    await target.locator('.actions .action-label[aria-label="Copy Phone Number"]').click();
    // The confirmation appears once the clipboard has been written.
    await page.locator('.statusbar').getByText(`Copied ${number}`).waitFor();
    assert.equal(await clipboard(), number);
    await shot('copied.png');
  });

  it('copies the focused number with Ctrl+C', async () => {
    const target = numberRows().nth(2);
    const number = e164Of((await target.locator('.label-name').innerText()).trim());
    await target.click();
    await page.keyboard.press('Control+C');
    await page.locator('.statusbar').getByText(`Copied ${number}`).waitFor();
    assert.equal(await clipboard(), number);
  });

  it('copies any number from the palette, searching by agent name and id', async () => {
    const target = fake.workspace.numbers.filter((n) => n.type === 'SIP_USERNAME').at(-1);
    assert.ok(target);
    await runCommand('Vogent: Copy Phone Number');
    const input = page.locator('.quick-input-widget input');
    await input.fill(target.id);
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: target.number }).first().waitFor();
    await shot('palette-copy.png');
    await input.press('Enter');
    await page.locator('.statusbar').getByText(`Copied ${target.number}`).waitFor();
    assert.equal(await clipboard(), target.number);
  });

  it('links a number to an agent from the context menu, and the row shows it', async () => {
    await page.keyboard.press('Home');
    const target = numberRows().filter({ hasText: 'no agent' }).first();
    const number = (await target.locator('.label-name').innerText()).trim();
    const agent = fake.workspace.agents[3];
    await target.click({ button: 'right' });
    await page.locator('.context-view .action-label').filter({ hasText: 'Link to Agent…' }).hover();
    await page.keyboard.press('Enter');
    const input = page.locator('.quick-input-widget input');
    await input.fill(agent.name);
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: agent.name }).first().waitFor();
    await input.press('Enter');
    await row(number).filter({ hasText: agent.name }).waitFor();
    assert.deepEqual(fake.requests.filter((r) => r.method === 'PUT').map((r) => r.body), [{ agentId: agent.id }]);
    await shot('linked.png');
  });

  it('opens the linked agent in the browser after VS Code asks', async () => {
    const target = numberRows().filter({ hasText: fake.workspace.agents[3].name }).first();
    const number = (await target.locator('.label-name').innerText()).trim();
    const agentId = fake.workspace.numbers.find((n) => displayNumber(n) === number)?.agentId;
    // The dashboard is stubbed: the test only needs the address VS Code opens.
    await page.context().route('https://app.vogent.ai/**', (route) => route.fulfill({ status: 200, body: 'Vogent dashboard' }));
    await target.hover();
    const popup = page.context().waitForEvent('page');
    await target.locator('.actions .action-label[aria-label="Open Linked Agent"]').click();
    // VS Code confirms before opening a website it does not trust yet.
    await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Open' }).click();
    const opened = await popup;
    assert.equal(opened.url(), `https://app.vogent.ai/agents/${agentId}`);
    await opened.close();
  });

  it('refreshes from the view title: what changed on the server shows, and nothing loaded is dropped', async () => {
    const pstn = fake.workspace.numbers.filter((n) => n.type === 'PSTN');
    const changed = pstn.find((n) => n.agentId !== null && !n.agentId.includes('deleted'));
    assert.ok(changed);
    changed.agentId = null;
    await page.keyboard.press('Home');
    await page.locator('.part.sidebar .title-actions .action-label[aria-label^="Refresh"]').click();
    await row(displayNumber(changed)).filter({ hasText: 'no agent' }).waitFor();
    await row(new RegExp(`^PSTN numbers\\s*${pstn.length}$`)).waitFor();
  });

  it('in code, a number gets a hover with its agent and the actions', async () => {
    const agent = fake.workspace.agents[1];
    const target = fake.workspace.numbers.find((n) => n.type === 'PSTN' && n.agentId === agent.id);
    assert.ok(target);
    // Clicked, not Enter: "Compare New Untitled Text Files" may rank first for the same words.
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>File: New Untitled Text File');
    await page.locator('.quick-input-list .monaco-list-row[aria-label^="File: New Untitled Text File"]').first().click();
    await page.locator('.monaco-editor .view-lines').first().click();
    const line = `const fromNumber = "${target.number}";`;
    await page.keyboard.type(line);
    // Put the cursor inside the number and ask for the hover, as a keyboard user would (Ctrl+K Ctrl+I).
    await page.keyboard.press('Home');
    for (let column = 0; column < line.indexOf(target.number) + 6; column++) await page.keyboard.press('ArrowRight');
    await runCommand('Show or Focus Hover');
    const hover = page.locator('.monaco-hover').filter({ hasText: 'Reveal in Phone Numbers' });
    await hover.waitFor();
    assert.match((await hover.innerText()).replace(/\s+/g, ' '), new RegExp(`answered by ${agent.name}`));
    await shot('code-hover.png');
    await page.keyboard.press('Escape');
    await runCommand('View: Revert and Close Editor');
  });

  it('with a key stored, reopening the window shows the groups without the welcome for no key first', async () => {
    // Watches the page from its first script on: a welcome shown for one frame would be caught.
    await page.addInitScript(() => {
      const seen = window as unknown as { vogentWelcomeSeen?: boolean };
      seen.vogentWelcomeSeen = false;
      new MutationObserver(() => {
        if (seen.vogentWelcomeSeen) return;
        for (const welcome of document.querySelectorAll('.welcome-view-content')) {
          if (welcome.textContent?.includes('Connect to Vogent')) seen.vogentWelcomeSeen = true;
        }
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.reload();
    await row('PSTN numbers').waitFor({ timeout: 60_000 });
    assert.equal(await page.evaluate(() => (window as unknown as { vogentWelcomeSeen?: boolean }).vogentWelcomeSeen), false);
  });

  it('removes the key after a confirmation, and the welcome returns', async () => {
    await runCommand('Vogent: Remove API Key');
    await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Remove' }).click();
    await view().getByRole('button', { name: 'Set API Key' }).waitFor();
    assert.equal(await row('PSTN numbers').count(), 0);
  });

  it('when Vogent later rejects the key, the view says so and Replace API Key recovers', async () => {
    await runCommand('Vogent: Set API Key');
    const input = page.locator('.quick-input-widget input[type="password"]');
    await input.fill(KEY);
    await input.press('Enter');
    await row('PSTN numbers').waitFor();
    fake.apiKeys.clear();
    // The next request Vogent answers is refused. The editor left open above holds a number, and its hint may ask
    // for the agent names first: then the key is already rejected and Refresh disabled, and this click does nothing.
    await page.locator('.part.sidebar .title-actions .action-label[aria-label^="Refresh"]').click({ force: true });
    const replace = view().getByRole('button', { name: 'Replace API Key' });
    await replace.waitFor();
    await assertVisibleText(view(), 'The API key was rejected by Vogent');
    await shot('rejected.png');
    fake.apiKeys.add('vk_replacement_key');
    await replace.click();
    // Copied with a zero-width space: it could never be sent, so it is refused before any check.
    const sent = fake.requests.length;
    await input.fill('vk_replacement\u200b_key');
    await input.press('Enter');
    await assertVisibleText(page.locator('.quick-input-widget'), 'This key has a character that cannot be sent');
    assert.equal(fake.requests.length, sent);
    await input.fill('vk_replacement_key');
    await input.press('Enter');
    await row('PSTN numbers').waitFor();
  });

  it('an empty workspace gets a welcome that points to the dashboard', async () => {
    fake.workspace.numbers = [];
    await page.locator('.part.sidebar .title-actions .action-label[aria-label^="Refresh"]').click();
    await assertVisibleText(view(), 'This Vogent workspace has no phone numbers yet.');
    await view().getByRole('button', { name: 'Open the Vogent Dashboard' }).waitFor();
    await shot('no-numbers.png');
  });

  async function clipboard(): Promise<string> {
    return page.evaluate(() => navigator.clipboard.readText());
  }
});

async function assertVisibleText(scope: Locator, text: string): Promise<void> {
  await scope.getByText(text).first().waitFor();
}
