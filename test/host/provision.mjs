// Provisions the pinned Node 24 + code-server (VS Code server and web workbench)
// into <project root>/.vscode-test/, and finds a system Chromium.
// CLI: node test/host/provision.mjs [node|code-server|chromium|all]   (all = both installs + the Chromium check)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile, open } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CACHE_DIR = path.join(ROOT, '.vscode-test');

const NODE_PKG = `node-${process.platform}-${process.arch}`;
const nodeDir = path.join(CACHE_DIR, `node-${NODE_VERSION}`);
const codeServerDir = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
const nodePkgDir = path.join(nodeDir, 'node_modules', NODE_PKG);
const MARKER = '.installed';

const log = (msg) => process.stderr.write(`[test-host] ${msg}\n`);

function isInstalled(dir, spec, files) {
  try {
    return readFileSync(path.join(dir, MARKER), 'utf8') === spec && files.every((f) => existsSync(f));
  } catch {
    return false;
  }
}

// Installs `spec` into a fresh `dir` with the system npm; the marker is written only on success,
// so an interrupted install is redone from scratch next time.
async function npmInstall(dir, spec, extraEnv = {}, pathPrefix) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'vscode-test-cache', private: true }));
  const logFile = path.join(dir, 'install.log');
  const out = await open(logFile, 'w');
  // A parent `npm run` exports its whole config as npm_* (local_prefix, nodedir, user agent…), which would
  // steer this nested install; keep only the network settings a person may have set in the environment.
  const keep = /^npm_config_(registry|cache|cafile|strict_ssl|proxy|https_proxy|noproxy|userconfig|globalconfig)$/i;
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || keep.test(k)));
  if (pathPrefix) env.PATH = `${pathPrefix}${path.delimiter}${env.PATH ?? ''}`;
  Object.assign(env, extraEnv);
  const args = ['install', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts=false', spec];
  const code = await new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd: dir, env, stdio: ['ignore', out.fd, out.fd] });
    // A caller that gives up (timeout → process.exit) must not leave npm installing behind it.
    const stop = () => child.kill();
    process.on('exit', stop);
    child.on('error', reject);
    child.on('exit', (c, signal) => (process.off('exit', stop), resolve(signal ? 1 : c)));
  }).finally(() => out.close());
  if (code !== 0) {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`npm install ${spec} failed (exit ${code}); log: ${logFile}\n${tail}`);
  }
  await writeFile(path.join(dir, MARKER), spec);
}

// One install at a time within a process (several hosts may start at once); not across processes.
let nodePromise, codeServerPromise;

/** Returns the absolute path of the pinned Node 24 `bin` folder, installing it if needed. */
export function ensureNode() {
  return (nodePromise ??= installNode().catch((err) => ((nodePromise = undefined), Promise.reject(err))));
}

/** Returns `{ node, entry, version }`: run `node entry [flags]` to start code-server. */
export function ensureCodeServer() {
  return (codeServerPromise ??= installCodeServer().catch((err) => ((codeServerPromise = undefined), Promise.reject(err))));
}

async function installNode() {
  const spec = `${NODE_PKG}@${NODE_VERSION}`;
  const bin = path.join(nodePkgDir, 'bin');
  if (!isInstalled(nodeDir, spec, [path.join(bin, 'node')])) {
    log(`Installing Node ${NODE_VERSION} into .vscode-test (once)…`);
    const t0 = Date.now();
    await npmInstall(nodeDir, spec);
    log(`Node ${NODE_VERSION} installed in ${((Date.now() - t0) / 1000).toFixed(0)} s.`);
  }
  return bin;
}

async function installCodeServer() {
  const bin = await ensureNode();
  const spec = `code-server@${CODE_SERVER_VERSION}`;
  const entry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const vscodeOut = path.join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
  if (!isInstalled(codeServerDir, spec, [entry, vscodeOut])) {
    log(`Installing code-server ${CODE_SERVER_VERSION} into .vscode-test (about 2 minutes, once)…`);
    const t0 = Date.now();
    // code-server's postinstall builds native modules for Node 24: npm must run on Node 24 (PATH),
    // and node-gyp must use its headers rather than a distro `nodedir` setting.
    await npmInstall(codeServerDir, spec, { npm_config_nodedir: nodePkgDir }, bin);
    log(`code-server ${CODE_SERVER_VERSION} installed in ${((Date.now() - t0) / 1000).toFixed(0)} s.`);
  }
  return { node: path.join(bin, 'node'), entry, version: CODE_SERVER_VERSION };
}

/** Absolute path of a Chromium/Chrome binary to drive with playwright-core. */
export function findChromium() {
  const candidates = [
    process.env.VOGENT_TEST_CHROMIUM,
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the VS Code test host. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
        'or set VOGENT_TEST_CHROMIUM to the path of a Chromium/Chrome binary.',
    );
  }
  return found;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const what = process.argv[2] ?? 'all';
  try {
    if (what === 'node') console.log(await ensureNode());
    else if (what === 'code-server') console.log(JSON.stringify(await ensureCodeServer()));
    else if (what === 'all') console.log(JSON.stringify({ ...(await ensureCodeServer()), chromium: findChromium() }));
    else if (what === 'chromium') console.log(findChromium());
    else throw new Error(`usage: provision.mjs [node|code-server|all|chromium] (got "${what}")`);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
