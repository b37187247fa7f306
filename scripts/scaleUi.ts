// The headless VS Code for the scale part of the benchmark, and how it is driven and timed. Timings are
// taken in the page: from the key press, click or typing that starts them (the event's own time stamp)
// to the first animation frame in which the awaited row is on screen.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';

export interface ScaleHost {
  page: Page;
  userDataDir: string;
  close(): Promise<void>;
}

interface HostModule {
  startHost(options: { install: string[]; settings: Record<string, unknown>; env: Record<string, string> }): Promise<ScaleHost>;
}

/** Where the rows of the Phone Numbers view are. */
export const VIEW = '.pane:has(.pane-header[aria-label^="Phone Numbers"])';
/** The Vogent view container's icon in the activity bar. */
export const VOGENT_ICON = '.activitybar .action-item a[aria-label^="Vogent"]';
/** Where the rows of the open quick pick (palette, picker) are. */
export const QUICK_PICK = '.quick-input-widget';

export interface HostOptions {
  /** The packaged extension first, then any helper. */
  install: string[];
  apiBaseUrl: string;
  settings: Record<string, unknown>;
  env: Record<string, string>;
}

/** A fresh VS Code with the packaged extension installed from its .vsix, pointed at the fake API. */
export async function openHost(root: string, options: HostOptions): Promise<ScaleHost> {
  // Loaded at run time: the host module is plain ESM kept out of this bundle.
  const host = (await import(pathToFileURL(path.join(root, 'test', 'host', 'host.mjs')).href)) as HostModule;
  const settings = { ...options.settings, 'vogent.apiBaseUrl': options.apiBaseUrl };
  const session = await host.startHost({ install: options.install, settings, env: options.env });
  try {
    // The palette lists the extension's commands once the extension is registered, as its view container is.
    await session.page.locator(VOGENT_ICON).waitFor({ timeout: 60_000 });
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}

/** Opens the palette on a command, by its title, ready for Enter. */
export async function typeCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator(`${QUICK_PICK} input`).fill(`>${title}`);
  await page.locator(`${QUICK_PICK} .monaco-list-row`).filter({ hasText: title }).first().waitFor({ timeout: 30_000 });
}

/**
 * Sets the key in the password prompt, as a user would. Storing a key, even the same one, starts a new
 * listing: nothing loaded before is kept. Resolves once the prompt has closed, i.e. the key is saved.
 */
export async function setKey(page: Page, key: string, timeoutMs: number): Promise<void> {
  await typeCommand(page, 'Vogent: Set API Key');
  await page.keyboard.press('Enter');
  const input = page.locator(`${QUICK_PICK} input[type="password"]`);
  await input.waitFor({ timeout: 30_000 });
  await input.fill(key);
  await input.press('Enter');
  await waitHidden(page, 'the API key prompt', timeoutMs);
}

/** Waits until no quick input is open. */
export async function waitHidden(page: Page, what: string, timeoutMs: number): Promise<void> {
  await page
    .locator(QUICK_PICK)
    .waitFor({ state: 'hidden', timeout: timeoutMs })
    .catch((error: unknown) => {
      throw new Error(`${what} did not close within ${timeoutMs / 1000} s`, { cause: error });
    });
}

/** The next key press, click or typed input in the page starts the clock. */
export async function armClock(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { benchStart?: number; benchArm?: AbortController };
    w.benchArm?.abort();
    const arm = (w.benchArm = new AbortController());
    w.benchStart = undefined;
    const mark = (event: Event) => {
      w.benchStart ??= event.timeStamp;
      arm.abort();
    };
    for (const type of ['keydown', 'mousedown', 'input']) window.addEventListener(type, mark, { capture: true, signal: arm.signal });
  });
}

export interface RowWanted {
  /** Rows under this selector count. */
  scope: string;
  /** A row counts when its text contains one of these… */
  texts?: string[];
  /** …or when its label matches this pattern. */
  label?: RegExp;
}

/**
 * The first frame showing a wanted row: its label, and milliseconds since the armed start (null if not
 * armed). The page is looked at only in frames after something under `scope` changed, not in every frame:
 * scanning the rows forces a layout, and doing that 60 times a second took a share of the very CPU
 * being measured.
 */
export async function waitForRow(page: Page, wanted: RowWanted, what: string, timeoutMs: number): Promise<{ ms: number | null; label: string }> {
  const arg = { scope: wanted.scope, texts: wanted.texts ?? [], label: wanted.label?.source ?? null, timeoutMs };
  const row = await page
    .evaluate(
      ({ scope, texts, label, timeoutMs }) =>
        new Promise<{ ms: number | null; label: string } | null>((resolve) => {
          const pattern = label === null ? null : new RegExp(label);
          const find = () => {
            for (const row of document.querySelectorAll(`${scope} .monaco-list-row`)) {
              const text = row.textContent ?? '';
              const name = row.querySelector('.label-name')?.textContent ?? text;
              if (row.getClientRects().length === 0) continue;
              if (texts.some((t) => text.includes(t)) || pattern?.test(name)) {
                const start = (window as unknown as { benchStart?: number }).benchStart;
                return { ms: start === undefined ? null : performance.now() - start, label: name };
              }
            }
            return null;
          };
          let frame: number | undefined;
          const done = (result: { ms: number | null; label: string } | null) => {
            observer.disconnect();
            clearTimeout(timer);
            resolve(result);
          };
          const observer = new MutationObserver(() => {
            frame ??= requestAnimationFrame(() => {
              frame = undefined;
              const found = find();
              if (found) done(found);
            });
          });
          const timer = setTimeout(() => done(null), timeoutMs);
          observer.observe(document.querySelector(scope) ?? document.body, { childList: true, subtree: true, characterData: true, attributes: true });
          requestAnimationFrame(() => {
            const found = find();
            if (found) done(found);
          });
        }),
      arg,
    )
    .catch((error: unknown) => {
      throw new Error(`${what}: the wait for the row failed`, { cause: error });
    });
  if (!row) throw new Error(`${what}: the row did not show within ${timeoutMs / 1000} s`);
  return row;
}

/** Milliseconds from the armed start to the first frame showing a wanted row. */
export async function timeUntilRow(page: Page, wanted: RowWanted, what: string, timeoutMs: number): Promise<number> {
  const { ms } = await waitForRow(page, wanted, what, timeoutMs);
  if (ms === null) throw new Error(`${what}: the clock never started (no key press, click or input reached the page)`);
  return ms;
}
