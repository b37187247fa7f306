// The scale part of `npm run bench`: the packaged extension, installed from its .vsix into the headless
// VS Code, driven with Playwright against the fake API holding many numbers (100,000 unless
// BENCH_SCALE_N says otherwise). Palette load-all next to a bare fetch walk at 0 and 20 ms latency,
// typing into the loaded picker, the tree with everything loaded, the extension host's memory, and
// the requests made. BENCH_SCALE=0 skips it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { displayNumber } from '../src/numbers/formatNumber';
import { sampleWorkspace } from '../test/fake-api/data';
import { startFakeVogent, type FakeVogent } from '../test/fake-api/server';
import type { Row } from './benchCommon';
import { extensionHostPid, rssBytes } from './extensionHostMemory';
import { paletteRun, type PaletteRun, type PaletteTargets } from './scalePalette';
import { scaleRows, type ScaleResults } from './scaleRows';
import { treeFigures } from './scaleTree';
import { openHost, setKey, type ScaleHost } from './scaleUi';

const KEY = 'bench-scale-key';
const LIMIT = 100;
const LATENCIES_MS = [0, 20];
const MORE_CLICKS = 5;

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
  const fake = await startFakeVogent({ workspace: sampleWorkspace(config.n), apiKeys: [KEY] });
  try {
    const host = await openHost(root, vsix, fake.url, { 'vogent.pageSize': config.limit });
    try {
      return scaleRows(config, await measureIn(host, fake, config));
    } catch (error) {
      const shot = path.join(os.tmpdir(), `vogent-bench-scale-failed-${Date.now()}.png`);
      if (await host.page.screenshot({ path: shot }).then(() => true, () => false)) progress(`screenshot of the failure: ${shot}`);
      throw error;
    } finally {
      await host.close();
    }
  } finally {
    await fake.close();
  }
}

async function measureIn(host: ScaleHost, fake: FakeVogent, config: ScaleConfig): Promise<ScaleResults> {
  // As the rows show them ("+1 555 009 9999"); typed so too, as a person copying one would.
  const pstn = fake.workspace.numbers.filter((n) => n.type === 'PSTN').map(displayNumber);
  const [last, other] = [pstn[pstn.length - 1], pstn[Math.floor(pstn.length / 3)]];
  const targets: PaletteTargets = { key: KEY, limit: config.limit, last, other, timeoutMs: config.timeoutMs };
  const palette = new Map<number, PaletteRun[]>();
  let memory: ScaleResults['memory'] | undefined;
  for (const latency of LATENCIES_MS) {
    fake.latencyMs = latency;
    const results: PaletteRun[] = [];
    for (let run = 0; run < config.runs; run++) {
      progress(`palette load-all ${run + 1}/${config.runs} at ${latency} ms latency`);
      // Storing the key again drops the listing: every run loads from the first page.
      await setKey(host.page, KEY, config.timeoutMs);
      const pid = extensionHostPid(host.userDataDir);
      const before = rssBytes(pid);
      const result = await paletteRun(host.page, fake, targets);
      progress(`  load-all ${result.loadMs.toFixed(0)} ms, bare walk ${result.bareMs.toFixed(0)} ms, ${result.requests} requests, typed filter ${result.filterMs.toFixed(0)} ms`);
      results.push(result);
      memory ??= { before, after: rssBytes(pid) };
    }
    palette.set(latency, results);
  }
  fake.latencyMs = 0;
  progress('tree: expand PSTN numbers, then show more');
  const tree = await treeFigures(host.page, fake, pstn, MORE_CLICKS, config.timeoutMs);
  if (!memory) throw new Error('no palette run took place');
  return { palette, memory, tree, pstnCount: pstn.length };
}

function progress(message: string): void {
  console.error(`[scale] ${message}`);
}
