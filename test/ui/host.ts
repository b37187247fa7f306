// Typed access to the project's headless VS Code host (plain ESM under test/host/, loaded at run time).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface Host {
  url: string;
  page: Page;
  context: BrowserContext;
  userDataDir: string;
  logsDir: string;
  extensionsDir: string;
  exitCode: Promise<number>;
  close(): Promise<void>;
}

export interface HostOptions {
  extensionPath?: string;
  workspace?: string;
  testsPath?: string;
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  viewport?: { width: number; height: number };
  /** .vsix files to install first, as a user would. */
  install?: string[];
  onLog?: (level: string, message: string) => void;
}

/** Where a UI test saves a screenshot: test-results/screenshots/, or the folder VOGENT_SCREENSHOTS names. */
export function screenshotPath(name: string): string {
  const dir = path.resolve(ROOT, process.env.VOGENT_SCREENSHOTS ?? path.join('test-results', 'screenshots'));
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

export async function startHost(options: HostOptions): Promise<Host> {
  const module = (await import(pathToFileURL(path.join(ROOT, 'test', 'host', 'host.mjs')).href)) as {
    startHost(options: HostOptions): Promise<Host>;
  };
  return module.startHost(options);
}

/** Every file below `dir`, for searching what a session wrote. */
export function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.isFile() ? [full] : [];
  });
}
