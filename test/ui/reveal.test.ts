// Reveal Phone Number on a workspace with pages enough that the number is far below the first one.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { displayNumber } from '../../src/numbers/formatNumber';
import type { FakeVogent } from '../fake-api/server';
import { screenshotPath } from './host';
import { useWorkbench, type Workbench } from './workbench';

const KEY = 'demo-key';

describe('Reveal Phone Number, as a person uses it', () => {
  const open = useWorkbench({ apiKey: KEY, numbers: 600 });
  let page: Page;
  let fake: FakeVogent;
  let view: Workbench['view'];
  let row: Workbench['row'];
  let runCommand: Workbench['runCommand'];
  let setKeyFromWelcome: Workbench['setKeyFromWelcome'];

  before(() => ({ page, fake, view, row, runCommand, setKeyFromWelcome } = open()));

  it('shows a number far down its group on its own page, under a row that shows the earlier ones', async () => {
    await setKeyFromWelcome(KEY);
    const pstn = fake.workspace.numbers.filter((n) => n.type === 'PSTN');
    const target = pstn[pstn.length - 1];
    await runCommand('Vogent: Reveal Phone Number');
    await page.locator('.quick-input-widget input').fill(target.number);
    await page.keyboard.press('Enter');
    await row(displayNumber(target)).and(view().locator('.monaco-list-row.selected')).waitFor();
    // The revealed number ends its page; the row for the earlier ones heads the group.
    await page.keyboard.press('Home');
    const earlier = row(/^Show 100 earlier$/);
    await earlier.waitFor();
    await page.screenshot({ path: screenshotPath('reveal-earlier.png') });
    const first = Math.floor((pstn.length - 1) / 100) * 100;
    // Under it, the first number of the revealed number's page: none of the pages before is drawn.
    const below = view().locator('.monaco-list-row:has-text("Show 100 earlier") + .monaco-list-row');
    assert.match(await below.innerText(), new RegExp(`^${displayNumber(pstn[first]).replace(/\+/g, '\\+')}`));
    await earlier.click();
    await row(displayNumber(pstn[first - 100])).waitFor();
  });
});
