// Runs an extension's integration tests inside real VS Code (code-server + headless Chromium).
// Usage: node test/host/run-integration.mjs --extension <dir> --tests <suite index.js>
//        [--workspace <dir>] [--timeout <seconds, default 600>] [--verbose]
// Exits with the suite's exit code; 1 on timeout or host failure.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHost, isWorkbenchNoise } from './host.mjs';

const { values: opts } = parseArgs({
  options: {
    extension: { type: 'string' },
    tests: { type: 'string' },
    workspace: { type: 'string' },
    timeout: { type: 'string', default: '600' },
    verbose: { type: 'boolean', default: false },
  },
});
const usage = 'usage: run-integration.mjs --extension <dir> --tests <suite index.js> [--workspace <dir>] [--timeout <s>]';
const fail = (msg) => (console.error(msg), process.exit(1));
if (!opts.extension || !opts.tests) fail(usage);
const extensionPath = path.resolve(opts.extension);
const testsPath = path.resolve(opts.tests);
const workspace = opts.workspace && path.resolve(opts.workspace);
for (const p of [path.join(extensionPath, 'package.json'), testsPath, workspace].filter(Boolean)) {
  if (!existsSync(p)) fail(`not found: ${p}`);
}
const timeoutS = Number(opts.timeout);
if (!(timeoutS > 0)) fail(`--timeout must be a positive number of seconds (got "${opts.timeout}")`);

let host;
let finishing;
async function finish(code, message) {
  if (finishing) return;
  finishing = true;
  if (message) console.error(message);
  await host?.close().catch((err) => console.error(`cleanup failed: ${err.message}`));
  process.exit(code);
}
process.on('SIGINT', () => finish(130, 'Interrupted; stopping the test host.'));
process.on('SIGTERM', () => finish(143, 'Terminated; stopping the test host.'));
// The timeout includes a first-time install of code-server (about 2 minutes).
const timer = setTimeout(() => {
  const tail = host?.serverLog.slice(-20).join('\n');
  finish(1, `\nIntegration tests timed out after ${timeoutS} s.${tail ? `\n--- code-server output ---\n${tail}` : ''}`);
}, timeoutS * 1000);

const counts = {};
const onLog = (level, message) => {
  if (!opts.verbose && isWorkbenchNoise(level, message)) return;
  process.stdout.write(`${message}\n`);
  for (const [, n, kind] of message.matchAll(/^\s*(\d+) (passing|failing|pending)\b/gm)) counts[kind] = Number(n);
};

try {
  const t0 = Date.now();
  host = await startHost({ extensionPath, testsPath, workspace, onLog });
  if (opts.verbose) console.error(`[test-host] workbench at ${host.url}`);
  host.page.on('crash', () => finish(1, 'The workbench page crashed.'));
  host.context.on('close', () => finish(1, 'The browser closed before the tests finished.'));
  const code = await host.exitCode;
  clearTimeout(timer);
  if (counts.passing !== undefined) {
    // The plain summary line that tools which don't read mocha's output understand.
    console.log(`integration: ${counts.passing} passed, ${counts.failing ?? 0} failed`);
  }
  console.error(`[test-host] extension tests exited with code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await finish(code);
} catch (err) {
  await finish(1, `Integration test host failed: ${err.stack ?? err}`);
}
