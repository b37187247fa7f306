// The scale part of `npm run bench`: the packaged extension, installed from its .vsix into the headless
// VS Code, driven with Playwright against the fake API holding many numbers (100,000 unless
// BENCH_SCALE_N says otherwise). Palette load-all next to a bare fetch walk of the same pages, both inside
// the extension host (through a bench-only helper extension) and in plain Node, at 0 and 20 ms latency;
// typing into the loaded picker, the tree with everything loaded (next to a bare tree view), the extension host's memory (also
// after a full, memory-reducing collection), and the requests made. BENCH_SCALE=0 skips it; BENCH_HEAP_SNAPSHOT=<file>
// also writes a heap snapshot of the host after the first load-all, BENCH_HOST_PROFILE=<file> a CPU
// profile of the host during the second.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { displayNumber } from '../src/numbers/formatNumber';
import { sampleWorkspace } from '../test/fake-api/data';
import { startFakeVogent, type FakeVogent } from '../test/fake-api/server';
import { bareFetchLoop, type Row } from './benchCommon';
import { extensionHostPid, rssBytes } from './extensionHostMemory';
import { pageTimes, paletteRun, type PaletteTargets } from './scalePalette';
import { packageHelper, spacesLine, type Helper } from './scaleHelper';
import { scaleRows, type MemoryFigures, type ScaleResults, type ScaleRun } from './scaleRows';
import { BARE_TREE, treeFigures } from './scaleTree';
import { VIEW, VOGENT_ICON, openHost, setKey, type ScaleHost } from './scaleUi';

const KEY = 'bench-scale-key';
const LIMIT = 100;
/** BENCH_SCALE_LATENCIES (e.g. "20") runs only some, to profile or repeat one. */
const LATENCIES_MS = (process.env.BENCH_SCALE_LATENCIES ?? '0,20').split(',').map(Number);
/** How many "Show more" clicks each tree gets; BENCH_SCALE_CLICKS says otherwise. */
const MORE_CLICKS = Number(process.env.BENCH_SCALE_CLICKS ?? 10);
const SETTLE_MS = 10_000;

export interface ScaleConfig {
  n: number;
  runs: number;
  limit: number;
  /** The bound on any one wait, e.g. for every page to load. */
  timeoutMs: number;
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return value;
}

export function scaleConfig(runs: number): ScaleConfig {
  const n = positiveInt('BENCH_SCALE_N', 100_000);
  return { n, runs: Math.min(3, runs), limit: LIMIT, timeoutMs: positiveInt('BENCH_SCALE_TIMEOUT_S', 300) * 1000 };
}

export async function measureScale(root: string, runs: number): Promise<Row[]> {
  const config = scaleConfig(runs);
  const vsix = path.join(root, 'vogent-phone-numbers.vsix');
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package first`);
  const helper = await packageHelper(root, config.timeoutMs);
  const fake = await startFakeVogent({ workspace: sampleWorkspace(config.n), apiKeys: [KEY] });
  try {
    const options = { install: [vsix, helper.vsix], apiBaseUrl: fake.url, settings: { 'vogent.pageSize': config.limit }, env: helper.env };
    const host = await openHost(root, options);
    try {
      return scaleRows(config, await measureIn({ host, fake, helper, config }));
    } catch (error) {
      const shot = path.join(os.tmpdir(), `vogent-bench-scale-failed-${Date.now()}.png`);
      if (await host.page.screenshot({ path: shot }).then(() => true, () => false)) progress(`screenshot of the failure: ${shot}`);
      throw error;
    } finally {
      await host.close();
    }
  } finally {
    await fake.close();
    helper.dispose();
  }
}

interface Session {
  host: ScaleHost;
  fake: FakeVogent;
  helper: Helper;
  config: ScaleConfig;
  /** Whether a load-all already ran under a CPU profile (BENCH_HOST_PROFILE). */
  profiled?: boolean;
}

async function measureIn(session: Session): Promise<ScaleResults> {
  const { host, fake, config } = session;
  // As the rows show them ("+1 555 009 9999"); typed so too, as a person copying one would.
  const pstn = fake.workspace.numbers.filter((n) => n.type === 'PSTN').map(displayNumber);
  const [last, other] = [pstn[pstn.length - 1], pstn[Math.floor(pstn.length / 3)]];
  const targets: PaletteTargets = { last, other, timeoutMs: config.timeoutMs };
  // The host's first fetch pays for setting up its HTTP stack: not part of any walk.
  await session.helper.walk(host.page, { url: fake.url, key: KEY, limit: config.limit, maxPages: 3 });
  progress('first load-all after start, at 0 ms latency, with the host\'s memory read around it');
  const memory = await firstLoad(session, targets);
  const palette = new Map<number, ScaleRun[]>();
  for (const latency of LATENCIES_MS) {
    fake.latencyMs = latency;
    const results: ScaleRun[] = [];
    for (let run = 0; run < config.runs; run++) {
      progress(`palette load-all ${run + 1}/${config.runs} at ${latency} ms latency`);
      const result = await oneRun(session, targets);
      progress(`  load-all ${result.loadMs.toFixed(0)} ms; bare walk in the host ${result.hostWalkMs.toFixed(0)} ms, in Node ${result.nodeWalkMs.toFixed(0)} ms; ${result.requests} requests; typed filter ${result.filterMs.toFixed(0)} ms`);
      results.push(result);
    }
    palette.set(latency, results);
  }
  fake.latencyMs = 0;
  progress('tree: expand PSTN numbers, then show more; then the same in a bare tree view');
  return { palette, memory, ...(await trees(session, pstn)), pstnCount: pstn.length };
}

/** The tree with every number loaded, then the same clicks in the bench helper's bare tree, each once the session has settled. */
async function trees(session: Session, pstn: string[]): Promise<Pick<ScaleResults, 'tree' | 'bareTree' | 'treeRequests'>> {
  const { host, fake, config } = session;
  fake.requests.length = 0;
  await settle(session);
  const tree = await treeFigures(host.page, { icon: VOGENT_ICON, view: VIEW, group: /^PSTN numbers/, rows: pstn }, MORE_CLICKS, config.timeoutMs);
  const treeRequests = fake.requests.length;
  await settle(session);
  const bareTree = await treeFigures(host.page, BARE_TREE, MORE_CLICKS, config.timeoutMs);
  return { tree, bareTree, treeRequests };
}

/** A load-all from an empty listing, just after the two bare walks of the same pages. */
async function oneRun(session: Session, targets: PaletteTargets): Promise<ScaleRun> {
  const { host, fake, helper, config } = session;
  const nodeWalkMs = await bareFetchLoop(fake, KEY, config.limit);
  fake.requests.length = 0;
  const hostWalkMs = await helper.walk(host.page, { url: fake.url, key: KEY, limit: config.limit });
  const hostWalkPerPage = pageTimes(fake.requests);
  await emptyListing(session);
  return { nodeWalkMs, hostWalkMs, hostWalkPerPage, ...(await profiled(session, () => paletteRun(host.page, fake, targets))) };
}

/**
 * The first load-all after start, with the host's memory read around it. It is not one of the timed
 * runs: it also warms the host (its compiled code, its young generation, which the collection before
 * the reading has just shrunk), and no bare walk has run before it, so none grew the heap ahead of the reading.
 */
async function firstLoad(session: Session, targets: PaletteTargets): Promise<MemoryFigures> {
  const { host, fake, helper } = session;
  await emptyListing(session);
  const pid = extensionHostPid(host.userDataDir);
  const before = { host: await helper.memory(host.page, true), rss: rssBytes(pid) };
  const { loadMs } = await paletteRun(host.page, fake, targets);
  const after = { rss: rssBytes(pid), host: await helper.memory(host.page, false) };
  const collected = { host: await helper.memory(host.page, true), rss: rssBytes(pid) };
  for (const [when, reading] of Object.entries({ before, after, collected })) progress(`  heap spaces ${when}, used/committed: ${spacesLine(reading.host)}`);
  const snapshot = process.env.BENCH_HEAP_SNAPSHOT;
  if (snapshot) progress(`heap snapshot of the extension host: ${await helper.snapshot(host.page, path.resolve(snapshot))}`);
  return { before, after, collected, firstLoadMs: loadMs };
}

/** Storing the key again drops the listing: every load-all starts from the first page. */
function emptyListing(session: Session): Promise<void> {
  return setKey(session.host.page, KEY, session.config.timeoutMs);
}

/** With BENCH_HOST_PROFILE=<file>, the first load-all timed without memory readings runs under a CPU profile of the host. */
async function profiled<T>(session: Session, work: () => Promise<T>): Promise<T> {
  const file = process.env.BENCH_HOST_PROFILE;
  if (!file || session.profiled) return work();
  session.profiled = true;
  const result = await session.helper.profile(session.host.page, path.resolve(file), work);
  progress(`CPU profile of the extension host during that load-all: ${path.resolve(file)}`);
  return result;
}

function progress(message: string): void {
  console.error(`[scale] ${message}`);
}

/**
 * Collects the host's and the window's garbage, then leaves both idle for a while. Without it, whichever
 * tree was timed first after the load-alls was the slower one, the extension's or the bare one.
 */
async function settle({ host, helper }: Session): Promise<void> {
  await helper.memory(host.page, true);
  const cdp = await host.page.context().newCDPSession(host.page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}
