// npm run bench: size, activation, paging speed and memory, and the scale part (scripts/scale.ts; BENCH_SCALE=0
// skips it, --scale-only runs only it), printed as a table and written to bench/results/latest.json. Every
// figure is the median of several runs; comparisons are ratios measured in the same run. A script, not a
// test: it asserts nothing.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NumberPages } from '../src/numbers/numberPages';
import { VogentClient } from '../src/vogent/client';
import { sampleWorkspace } from '../test/fake-api/data';
import { startFakeVogent, type FakeVogent } from '../test/fake-api/server';
import { measureActivation } from './activation';
import { listingBench } from './listingBench';
import { scanBench } from './scanBench';
import { bareFetchLoop, median, type Row } from './benchCommon';
import { measureScale } from './scale';

const ROOT = path.resolve(__dirname, '..', '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const N = 10_000;
const LIMIT = 100;
const LATENCY_MS = 20;
const KEY = 'bench-key';

function pagesFor(fake: FakeVogent): NumberPages {
  const client = new VogentClient({ baseUrl: fake.url, apiKey: async () => KEY, userAgent: 'bench', retryLimit: 0 });
  return new NumberPages((cursor, signal) => client.listPhoneNumbers({ limit: LIMIT, cursor, signal }), LIMIT);
}

async function loadAll(rows: Row[]): Promise<void> {
  const fake = await startFakeVogent({ workspace: sampleWorkspace(N), apiKeys: [KEY], latencyMs: LATENCY_MS });
  const ratios: number[] = [];
  const bareRatios: number[] = [];
  const overBare: number[] = [];
  const walls: number[] = [];
  const counts: number[] = [];
  const pagesNeeded = Math.ceil(N / LIMIT);
  const floor = pagesNeeded * LATENCY_MS;
  try {
    for (let run = 0; run < RUNS; run++) {
      const bare = await bareFetchLoop(fake, KEY, LIMIT);
      fake.requests.length = 0;
      const pages = pagesFor(fake);
      const started = performance.now();
      // As a load-all does: each page asked for as soon as the one before names it.
      await pages.loadRest(new AbortController().signal);
      const wall = performance.now() - started;
      if (pages.size !== N) throw new Error(`loaded ${pages.size} of ${N}`);
      walls.push(wall);
      ratios.push(wall / floor);
      bareRatios.push(bare / floor);
      overBare.push(wall / bare);
      counts.push(fake.requests.length);
    }
  } finally {
    await fake.close();
  }
  rows.push(
    { figure: `load all ${N} numbers, wall time`, value: `${median(walls).toFixed(0)} ms`, target: `floor ${floor} ms`, raw: median(walls) },
    { figure: 'load all: wall / (pages × latency)', value: median(ratios).toFixed(3), target: '≤ 1.05', raw: median(ratios) },
    { figure: '  same walk with bare fetch / (pages × latency)', value: median(bareRatios).toFixed(3), target: 'the HTTP floor here', raw: median(bareRatios) },
    { figure: '  paging code / bare fetch, same run', value: median(overBare).toFixed(3), target: '≈ 1', raw: median(overBare) },
    { figure: 'load all: requests', value: String(median(counts)), target: `= ⌈N/limit⌉ = ${pagesNeeded}`, raw: median(counts) },
  );
}

async function simultaneousLoadMore(rows: Row[]): Promise<void> {
  const fake = await startFakeVogent({ workspace: sampleWorkspace(N), apiKeys: [KEY], latencyMs: LATENCY_MS });
  const perPage: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const pages = pagesFor(fake);
      await pages.start();
      fake.requests.length = 0;
      const target = pages.countIn('PSTN') + LIMIT;
      await Promise.all(Array.from({ length: 10 }, () => pages.fill('PSTN', target)));
      const distinctPages = new Set(fake.requests.map((r) => r.query.cursor)).size;
      perPage.push(fake.requests.length / distinctPages);
    }
  } finally {
    await fake.close();
  }
  rows.push({ figure: '10 simultaneous load-more: requests per page', value: median(perPage).toFixed(2), target: '1', raw: median(perPage) });
}

async function heapGrowth(rows: Row[]): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const fake = await startFakeVogent({ workspace: sampleWorkspace(N), apiKeys: [KEY] });
  const growth: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      fake.requests.length = 0;
      gc();
      const before = process.memoryUsage().heapUsed;
      // Held in a list so the collector cannot treat the loaded pages as garbage before the reading.
      const held = [pagesFor(fake)];
      await held[0].loadUntil(() => false);
      fake.requests.length = 0;
      gc();
      growth.push(process.memoryUsage().heapUsed - before);
      if (held[0].size !== N) throw new Error('not all loaded');
      held.length = 0;
    }
  } finally {
    await fake.close();
  }
  const bytes = median(growth);
  rows.push({ figure: `heap growth for ${N} loaded numbers`, value: `${(bytes / 1024 / 1024).toFixed(2)} MB (${Math.round(bytes / N)} B/number)`, target: 'reported', raw: bytes });
}

function sizes(rows: Row[]): void {
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const bundle = fs.statSync(path.join(ROOT, 'dist', 'extension.js')).size;
  const vsix = fs.statSync(path.join(ROOT, 'vogent-phone-numbers.vsix')).size;
  rows.push(
    { figure: 'dist/extension.js', value: `${(bundle / 1024).toFixed(1)} KB`, target: '≤ 50 KB', raw: bundle },
    { figure: '.vsix', value: `${(vsix / 1024).toFixed(1)} KB`, target: '≤ 150 KB', raw: vsix },
  );
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const host = !process.argv.includes('--no-host');
  const scaleOnly = process.argv.includes('--scale-only');
  sizes(rows);
  if (!scaleOnly) {
    await loadAll(rows);
    await simultaneousLoadMore(rows);
    await heapGrowth(rows);
    rows.push(...(await listingBench(RUNS)));
    rows.push(...scanBench(RUNS));
    if (host) rows.push(...(await measureActivation(ROOT, RUNS)));
  }
  if (host && (scaleOnly || process.env.BENCH_SCALE !== '0')) rows.push(...(await measureScale(ROOT, RUNS)));

  const width = Math.max(...rows.map((r) => r.figure.length));
  console.log(`\n${'figure'.padEnd(width)}  ${'median'.padEnd(26)}  target`);
  for (const row of rows) console.log(`${row.figure.padEnd(width)}  ${row.value.padEnd(26)}  ${row.target}`);
  const out = path.join(ROOT, 'bench', 'results', 'latest.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), node: process.version, runs: RUNS, rows }, null, 2));
  console.log(`\nwritten to ${path.relative(ROOT, out)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
