// The tree half of the scale part: with every number loaded, expand the PSTN group and click its last
// row ("Load more…", or a "Show … more" row) a few times. None of this should need a request.
import type { Locator, Page } from 'playwright-core';
import type { FakeVogent } from '../test/fake-api/server';
import { VIEW, VOGENT_ICON, armClock, timeUntilRow, waitForRow, type RowWanted } from './scaleUi';

export interface TreeFigures {
  /** Click on the group → its first number on screen. */
  expandMs: number;
  /** Each click on the group's last row offering more → a newly shown number on screen. Empty when none is offered. */
  moreMs: number[];
  /** Requests of any kind while expanding and clicking. */
  requests: number;
}

/** The label of the row that shows more of a group, today's or the one being built. */
const MORE = /^(Load more|Show\b)/;

export async function treeFigures(page: Page, fake: FakeVogent, pstn: string[], clicks: number, timeoutMs: number): Promise<TreeFigures> {
  await page.locator(VOGENT_ICON).click();
  const group = page.locator(`${VIEW} .monaco-list-row`).filter({ hasText: /^PSTN numbers/ }).first();
  await group.waitFor({ timeout: timeoutMs });
  fake.requests.length = 0;
  const expandMs = await timedClick(page, group, { scope: VIEW, texts: [pstn[0]] }, 'expanding PSTN numbers', timeoutMs);
  const moreMs: number[] = [];
  for (let click = 0; click < clicks; click++) {
    const ms = await clickMore(page, pstn, timeoutMs);
    if (ms === undefined) break;
    moreMs.push(ms);
  }
  return { expandMs, moreMs, requests: fake.requests.length };
}

/**
 * Goes to the end of the list and, if the group's last row offers more, clicks it and times until a
 * number after the last one shown is on screen. Undefined when the group already shows its last number.
 */
async function clickMore(page: Page, pstn: string[], timeoutMs: number): Promise<number | undefined> {
  await page.keyboard.press('End');
  const end = await waitForRow(page, { scope: VIEW, texts: [pstn[pstn.length - 1]], label: MORE }, 'the end of PSTN numbers', timeoutMs);
  if (!MORE.test(end.label)) return undefined;
  const shown = await lastShownIndex(page, pstn);
  const next = pstn.slice(shown + 1, shown + 1001);
  const more = page.locator(`${VIEW} .monaco-list-row`).filter({ has: page.locator('.label-name', { hasText: MORE }) }).first();
  return timedClick(page, more, { scope: VIEW, texts: next }, `"${end.label}"`, timeoutMs);
}

/** The position in `pstn` of the last PSTN number on screen. */
async function lastShownIndex(page: Page, pstn: string[]): Promise<number> {
  const index = new Map(pstn.map((number, i) => [number, i]));
  const labels = await page.locator(`${VIEW} .monaco-list-row .label-name`).allTextContents();
  const shown = Math.max(-1, ...labels.map((label) => index.get(label.trim()) ?? -1));
  if (shown < 0) throw new Error('no PSTN number is on screen next to the row that shows more');
  return shown;
}

/** Clicks the middle of a row with the mouse (no waiting on the row once the clock runs) and times a wanted row. */
async function timedClick(page: Page, target: Locator, wanted: RowWanted, what: string, timeoutMs: number): Promise<number> {
  const box = await target.boundingBox({ timeout: timeoutMs });
  if (!box) throw new Error(`${what}: the row to click is not on screen`);
  await armClock(page);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  return timeUntilRow(page, wanted, what, timeoutMs);
}
