// The palette half of the scale part: "Vogent: Copy Phone Number" loading every page, and typing into
// the picker once everything is loaded. The bare walks it is compared with are taken by scripts/scale.ts.
import type { Page } from 'playwright-core';
import type { FakeVogent, LoggedRequest } from '../test/fake-api/server';
import { QUICK_PICK, armClock, timeUntilRow, typeCommand, waitHidden } from './scaleUi';

export interface PaletteRun {
  /** Enter on the command → the last number's row on screen. */
  loadMs: number;
  /** GET /phone_numbers requests during the load. */
  requests: number;
  /** Where the load's time went, per page. */
  perPage: PageTimes;
  /** Typing another number into the loaded picker → its row on screen. */
  filterMs: number;
}

export interface PaletteTargets {
  /** A number on the last page: it shows only once every page is loaded. */
  last: string;
  /** Another number, typed once everything is loaded. */
  other: string;
  timeoutMs: number;
}

/** A walk's time per page: the API holding each request, and the host between an answer and the next request. */
export interface PageTimes {
  apiMs: number;
  hostMs: number;
}

export function pageTimes(requests: readonly LoggedRequest[]): PageTimes {
  const pages = requests.flatMap((r) => (r.method === 'GET' && r.path === '/phone_numbers' && r.answeredAt !== undefined ? [{ at: r.at, answeredAt: r.answeredAt }] : []));
  let [api, host] = [0, 0];
  pages.forEach((request, i) => {
    api += request.answeredAt - request.at;
    if (i > 0) host += request.at - pages[i - 1].answeredAt;
  });
  return { apiMs: api / Math.max(1, pages.length), hostMs: host / Math.max(1, pages.length - 1) };
}

const PICK_ROWS = `${QUICK_PICK} .quick-input-list`;

/** One run on a fresh listing (the caller has just stored the key again, which drops what was loaded). */
export async function paletteRun(page: Page, fake: FakeVogent, targets: PaletteTargets): Promise<PaletteRun> {
  fake.requests.length = 0;
  const loadMs = await loadAllThroughPalette(page, targets);
  const requests = fake.requests.filter((r) => r.method === 'GET' && r.path === '/phone_numbers').length;
  const perPage = pageTimes(fake.requests);
  const filterMs = await typedFilter(page, targets);
  await page.keyboard.press('Escape');
  await waitHidden(page, 'the Copy Phone Number picker', targets.timeoutMs);
  return { loadMs, requests, perPage, filterMs };
}

async function loadAllThroughPalette(page: Page, targets: PaletteTargets): Promise<number> {
  await typeCommand(page, 'Vogent: Copy Phone Number');
  await armClock(page);
  await page.keyboard.press('Enter');
  // The picker takes the palette's place: typing before it shows would type into the palette.
  await page.locator(`${QUICK_PICK} .quick-input-title`).filter({ hasText: 'Copy Phone Number' }).waitFor({ timeout: 30_000 });
  await page.locator(`${QUICK_PICK} input`).fill(targets.last);
  return timeUntilRow(page, { scope: PICK_ROWS, texts: [targets.last] }, `Copy Phone Number: loading every page until ${targets.last} shows`, targets.timeoutMs);
}

async function typedFilter(page: Page, targets: PaletteTargets): Promise<number> {
  if ((await page.locator(`${PICK_ROWS} .monaco-list-row`).filter({ hasText: targets.other }).count()) > 0) {
    throw new Error(`${targets.other} is already listed before it is typed: pick another number to time`);
  }
  await armClock(page);
  await page.locator(`${QUICK_PICK} input`).fill(targets.other);
  return timeUntilRow(page, { scope: PICK_ROWS, texts: [targets.other] }, `Copy Phone Number: typing ${targets.other}`, targets.timeoutMs);
}
