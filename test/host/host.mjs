// Starts a real VS Code (code-server's server + web workbench) and, optionally, headless Chromium on it.
// Used by the integration-test runner, the Playwright UI tests, `npm start` and the benchmark.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ensureCodeServer, findChromium } from './provision.mjs';

// Keeps the workbench quiet and offline-friendly; callers' `settings` win.
const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
};

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

// The workbench's own info chatter in codeAutomationLog; the extension host's console output arrives
// there too, untagged, so it is told apart by elimination.
const WORKBENCH_NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket \(/,
  /^\[(reconnection-grace-time|Service Worker|AgentHost:[^\]]*|AccountPolicyGate)\] /,
  /^(Ignoring fetching|Updating) additional builtin extensions/,
];
export const isWorkbenchNoise = (level, message) => level === 'info' && WORKBENCH_NOISE.some((re) => re.test(message));

const keepTemp = () => /^(1|true)$/i.test(process.env.VOGENT_TEST_HOST_KEEP ?? '');
const verbose = () => /^(1|true)$/i.test(process.env.VOGENT_TEST_HOST_VERBOSE ?? '');

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the whole group is gone
  }
}

// Linux: the processes as [pid, state, pgrp, cmdline]; null where /proc is missing.
function processes() {
  if (!existsSync('/proc/self/stat')) return null;
  return readdirSync('/proc').flatMap((pid) => {
    if (!/^\d+$/.test(pid)) return [];
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return [[Number(pid), state, Number(pgrp), readFileSync(`/proc/${pid}/cmdline`, 'utf8')]];
    } catch {
      return []; // exited meanwhile
    }
  });
}

// True while a process of group `pgid` is alive. Zombies don't count: orphaned ones wait for
// PID 1 to reap them (seconds in a container), though they hold nothing.
function groupAlive(pgid) {
  const all = processes();
  return all ? all.some(([, state, pgrp]) => pgrp === pgid && state !== 'Z') : killGroup(pgid, 0);
}

async function endGroup(pgid, graceMs = 3000) {
  if (!killGroup(pgid, 'SIGTERM')) return;
  for (const end = Date.now() + graceMs; Date.now() < end; ) {
    await new Promise((r) => setTimeout(r, 50));
    if (!groupAlive(pgid)) return;
  }
  killGroup(pgid, 'SIGKILL');
}

// Live servers: `close` (async) for signals, `kill` (sync) for an exit that can't wait.
const live = new Map();
let handlersInstalled = false;

function onSignal(signal) {
  Promise.allSettled([...live.keys()].map((close) => close())).then(() => {
    // Exit like the default handler would, unless someone else (e.g. a runner) also listens and decides.
    if (process.listenerCount(signal) === 1) process.exit(128 + os.constants.signals[signal]);
  });
}

function track(close, kill) {
  if (!handlersInstalled) {
    handlersInstalled = true;
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, onSignal);
    process.on('exit', () => [...live.values()].forEach((k) => k()));
  }
  live.set(close, kill);
}

/**
 * Starts code-server on 127.0.0.1 (`port`, default: a free one) with fresh, temporary state.
 * @param {{ extensionPath?: string, workspace?: string, testsPath?: string, settings?: object,
 *           env?: Record<string,string>, logLevel?: string, port?: number, install?: string[] }} opts
 * `url` opens the workbench on `workspace` with the extension under development (and tests) loaded.
 * `install` lists .vsix files installed into the fresh extensions folder first, as a user would.
 * @returns {Promise<{ url: string, baseUrl: string, serverPort: number, tmpDir: string, userDataDir: string,
 *           extensionsDir: string, logsDir: string, browserProfileDir: string, serverLog: string[],
 *           onClose(fn: () => unknown): void, onExitKill(fn: () => void): void, close(): Promise<void> }>}
 */
export async function startServer({ extensionPath, workspace, testsPath, settings, env, logLevel = 'info', port = 0, install = [] } = {}) {
  const { node, entry } = await ensureCodeServer();
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), 'vscode-host-'));
  const dirs = Object.fromEntries(
    ['user-data', 'extensions', 'config', 'data', 'cache', 'tmp', 'browser'].map((d) => [d, path.join(tmpDir, d)]),
  );
  await Promise.all(Object.values(dirs).map((d) => mkdir(d, { recursive: true })));
  await mkdir(path.join(dirs['user-data'], 'User'), { recursive: true });
  await writeFile(
    path.join(dirs['user-data'], 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2),
  );

  // Variables a surrounding VS Code terminal would set confuse the nested server.
  const baseEnv = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(VSCODE_|ELECTRON_RUN_AS_NODE$)/.test(k)),
  );
  const serverEnv = {
    ...baseEnv,
    // No extension gallery: the workbench would otherwise query it (off-machine) for the extension under test.
    EXTENSIONS_GALLERY: '{}',
    ...env,
    PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
    // Without these, code-server writes into the real ~/.config, ~/.local/share and ~/.cache.
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    TMPDIR: dirs.tmp,
  };
  for (const vsix of install) {
    execFileSync(node, [entry, '--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions, '--install-extension', path.resolve(vsix)], {
      cwd: tmpDir,
      env: serverEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }
  const args = [
    entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened',
    // The built workbench only honours the test payload (extensionTestsPath…) with the smoke-test driver on.
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  // Its own process group, so close() also ends the helpers it spawns (extension host, pty host…).
  const child = spawn(node, args, { cwd: tmpDir, env: serverEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const serverLog = [];
  const beforeClose = [];
  const removeTemp = () => {
    if (keepTemp()) process.stderr.write(`[test-host] kept ${tmpDir}\n`);
    else rmSync(tmpDir, { recursive: true, force: true, maxRetries: 3 });
  };
  let closing;
  const close = () =>
    (closing ??= (async () => {
      await Promise.allSettled(beforeClose.map((fn) => fn()));
      await endGroup(child.pid);
      live.delete(close);
      removeTemp();
    })());
  const exitKills = [];
  track(close, () => {
    exitKills.forEach((kill) => kill());
    killGroup(child.pid, 'SIGKILL');
    try {
      removeTemp();
    } catch {
      // best effort while exiting
    }
  });

  let baseUrl;
  let timer;
  try {
    baseUrl = await new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Error('code-server did not start within 60 s')), 60_000);
      const onLine = (line) => {
        if (serverLog.push(line) > 500) serverLog.shift();
        if (verbose()) process.stderr.write(`[code-server] ${line}\n`);
        const m = /HTTP server listening on (http:\/\/\S+?)\/?$/.exec(line);
        if (m) resolve(`${m[1]}/`);
      };
      createInterface({ input: child.stdout }).on('line', onLine);
      createInterface({ input: child.stderr }).on('line', onLine);
      child.on('error', reject);
      child.on('exit', (code, sig) => reject(new Error(`code-server exited early (${code ?? sig})`)));
    }).finally(() => clearTimeout(timer));
    await waitForHttp(`${baseUrl}healthz`);
  } catch (err) {
    await close();
    err.message += `\n--- code-server output ---\n${serverLog.slice(-30).join('\n')}`;
    throw err;
  }

  const serverPort = Number(new URL(baseUrl).port);
  const remote = (p) => `vscode-remote://127.0.0.1:${serverPort}${path.resolve(p)}`;
  const payload = [];
  if (extensionPath) payload.push(['extensionDevelopmentPath', remote(extensionPath)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  payload.push(['skipWelcome', 'true'], ['logLevel', logLevel]);
  const query = new URLSearchParams();
  if (workspace) query.set('folder', path.resolve(workspace));
  query.set('payload', JSON.stringify(payload));

  return {
    url: `${baseUrl}?${query}`,
    baseUrl,
    serverPort,
    tmpDir,
    userDataDir: dirs['user-data'],
    extensionsDir: dirs.extensions,
    logsDir: path.join(dirs['user-data'], 'logs'),
    browserProfileDir: dirs.browser,
    serverLog,
    /** Runs `fn` (e.g. closing a browser) before the server is stopped by close() or a signal. */
    onClose: (fn) => beforeClose.push(fn),
    /** Runs `fn` synchronously if the process exits without close(). */
    onExitKill: (fn) => exitKills.push(fn),
    close,
  };
}

async function waitForHttp(url, timeoutMs = 30_000) {
  for (const end = Date.now() + timeoutMs; ; ) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > end) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * startServer + headless Chromium on the workbench page.
 * `onLog(level, message)` receives the workbench log (mocha's output included when testsPath is set);
 * `exitCode` resolves when the workbench calls codeAutomationExit (i.e. the extension tests ended).
 * @param {Parameters<typeof startServer>[0] & { onLog?: (level: string, message: string) => void,
 *           headless?: boolean, viewport?: { width: number, height: number } }} opts
 */
export async function startHost({ onLog, headless = true, viewport = { width: 1600, height: 1000 }, ...opts } = {}) {
  const executablePath = findChromium();
  const { chromium } = await import('playwright-core');
  const server = await startServer(opts);
  let context;
  server.onClose(() => context?.close());
  try {
    mkdirSync(server.browserProfileDir, { recursive: true });
    context = await chromium.launchPersistentContext(server.browserProfileDir, {
      executablePath,
      headless,
      args: CHROMIUM_ARGS,
      viewport,
      // Signals are handled here (close everything, then exit), not by Playwright's own exit(130).
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(server.tmpDir, 'config'),
        XDG_CACHE_HOME: path.join(server.tmpDir, 'cache'),
        // Its singleton socket folder would outlive a killed browser in the real /tmp.
        TMPDIR: path.join(server.tmpDir, 'tmp'),
      },
    });
    // On a sudden exit (e.g. mocha --exit without close()), the browser must die before its profile is removed.
    const browserGroup = processes()?.find(([, , , cmd]) => cmd.includes(`--user-data-dir=${server.browserProfileDir}`))?.[2];
    if (browserGroup) server.onExitKill(() => killGroup(browserGroup, 'SIGKILL'));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.baseUrl).origin });
    let resolveExit;
    const exitCode = new Promise((r) => (resolveExit = r));
    // Both must exist before the workbench loads: it looks them up once, at startup.
    await context.exposeFunction('codeAutomationLog', (level, message) => onLog?.(level, String(message)));
    await context.exposeFunction('codeAutomationExit', (code) => resolveExit(Number.isInteger(code) ? code : 1));
    const page = context.pages()[0] ?? (await context.newPage());
    if (verbose()) page.on('console', (m) => process.stderr.write(`[browser ${m.type()}] ${m.text()}\n`));
    await page.goto(server.url);
    return { ...server, browser: context, context, page, exitCode };
  } catch (err) {
    await server.close();
    throw err;
  }
}
