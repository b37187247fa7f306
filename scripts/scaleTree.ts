// The tree half of the scale part: with every number loaded, expand the PSTN group and click its last
// row ("Show … more") a few times; then the same in the bench helper's bare tree, the floor any
// extension's tree view has in this VS Code.
import type { Locator, Page } from 'playwright-core';
import { armClock, timeUntilRow, waitForRow, type RowWanted } from './scaleUi';

export interface TreeFigures {
  /** Click on the group → its first row on screen. */
  expandMs: number;
  /** Each click on the group's last row offering more → a newly shown row on screen. Empty when none is offered. */
  moreMs: number[];
}

/** A view to time: its activity bar icon, its pane, its group's label and the group's rows in order. */
export interface TreeTarget {
  icon: string;
  view: string;
  group: RegExp;
  rows: string[];
}

/** The bench helper's bare tree (scripts/bench-extension). */
export const BARE_TREE: TreeTarget = {
  icon: '.activitybar .action-item a[aria-label^="Bench Floor"]',
  view: '.pane:has(.pane-header[aria-label^="Bare Tree"])',
  group: /^Floor rows/,
  rows: Array.from({ length: 3000 }, (_, i) => `Floor row ${String(i).padStart(5, '0')}`),
};

/** The label of the row that shows more of a group, today's or the one being built. */
const MORE = /^(Load more|Show\b)/;

/**
 * How long after what it clicks on showed a click comes: a person's pace, not a script's. VS Code's
 * extension host holds back a tree refresh that comes within 200 ms of the one before, so clicks made at
 * once measured that hold every other time (in a bare tree too), not the view.
 */
const PACE_MS = Number(process.env.BENCH_SCALE_PACE_MS ?? 300);

export async function treeFigures(page: Page, target: TreeTarget, clicks: number, timeoutMs: number): Promise<TreeFigures> {
  await page.locator(target.icon).click();
  const group = page.locator(`${target.view} .monaco-list-row`).filter({ hasText: target.group }).first();
  await group.waitFor({ timeout: timeoutMs });
  await page.waitForTimeout(PACE_MS);
  const expandMs = await timedClick(page, group, { scope: target.view, texts: [target.rows[0]] }, `expanding ${target.group.source}`, timeoutMs);
  const moreMs: number[] = [];
  for (let click = 0; click < clicks; click++) {
    const ms = await clickMore(page, target, timeoutMs);
    if (ms === undefined) break;
    moreMs.push(ms);
  }
  return { expandMs, moreMs };
}

/**
 * Goes to the end of the list and, if the group's last row offers more, clicks it and times until a
 * number after the last one shown is on screen. Undefined when the group already shows its last number.
 */
async function clickMore(page: Page, { view, rows }: TreeTarget, timeoutMs: number): Promise<number | undefined> {
  await page.keyboard.press('End');
  const end = await waitForRow(page, { scope: view, texts: [rows[rows.length - 1]], label: MORE }, 'the end of the group', timeoutMs);
  if (!MORE.test(end.label)) return undefined;
  const shown = await lastShownIndex(page, view, rows);
  const next = rows.slice(shown + 1, shown + 1001);
  const more = page.locator(`${view} .monaco-list-row`).filter({ has: page.locator('.label-name', { hasText: MORE }) }).first();
  await page.waitForTimeout(PACE_MS);
  return timedClick(page, more, { scope: view, texts: next }, `"${end.label}"`, timeoutMs);
}

/** The position in `rows` of the last of them on screen. */
async function lastShownIndex(page: Page, view: string, rows: string[]): Promise<number> {
  const index = new Map(rows.map((row, i) => [row, i]));
  const labels = await page.locator(`${view} .monaco-list-row .label-name`).allTextContents();
  const shown = Math.max(-1, ...labels.map((label) => index.get(label.trim()) ?? -1));
  if (shown < 0) throw new Error('none of the group\'s rows is on screen next to the row that shows more');
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
