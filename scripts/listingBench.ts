// What the vscode-free layer costs a palette load-all at scale, in plain Node: paging through 100,000
// numbers with no latency next to a bare fetch walk of the same pages (the per-page cost of the client,
// its checks and the index), the checks and indexing alone, and the picker's searches: one over every
// number, and the one it repeats as each page lands.
import { NumberIndex } from '../src/numbers/numberIndex';
import { NumberPages } from '../src/numbers/numberPages';
import type { AgentLookup } from '../src/numbers/presentation';
import { VogentClient } from '../src/vogent/client';
import { page, phoneNumber } from '../src/vogent/shapes';
import { sampleWorkspace } from '../test/fake-api/data';
import { startFakeVogent } from '../test/fake-api/server';
import { bareFetchLoop, median, type Row } from './benchCommon';

const N = 100_000;
const LIMIT = 100;
const KEY = 'bench-key';
const SHOWN = 200;
const count = N.toLocaleString('en-US');
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

export async function listingBench(runs: number): Promise<Row[]> {
  return [...(await noLatencyLoad(runs)), ...indexAndSearch(runs)];
}

async function noLatencyLoad(runs: number): Promise<Row[]> {
  const fake = await startFakeVogent({ workspace: sampleWorkspace(N), apiKeys: [KEY] });
  const client = new VogentClient({ baseUrl: fake.url, apiKey: async () => KEY, userAgent: 'bench', retryLimit: 0 });
  const [walls, bares] = [[] as number[], [] as number[]];
  try {
    for (let run = 0; run < runs; run++) {
      bares.push(await bareFetchLoop(fake, KEY, LIMIT));
      const pages = new NumberPages((cursor, signal) => client.listPhoneNumbers({ limit: LIMIT, cursor, signal }), LIMIT);
      const started = performance.now();
      await pages.loadUntil(() => false);
      walls.push(performance.now() - started);
      if (pages.size !== N) throw new Error(`loaded ${pages.size} of ${N}`);
    }
  } finally {
    await fake.close();
  }
  const ratio = median(walls.map((wall, i) => wall / bares[i]));
  const perPage = median(walls.map((wall, i) => ((wall - bares[i]) / (N / LIMIT)) * 1000));
  return [
    { figure: `load all ${count} numbers, 0 ms latency: paging code / bare fetch`, value: ratio.toFixed(2), target: 'reported', raw: ratio },
    { figure: '  paging code over bare fetch, per page', value: `${perPage.toFixed(0)} µs`, target: 'reported', raw: perPage },
  ];
}

function indexAndSearch(runs: number): Row[] {
  const { numbers } = sampleWorkspace(N);
  const texts = Array.from({ length: N / LIMIT }, (_, i) => JSON.stringify({ data: numbers.slice(i * LIMIT, (i + 1) * LIMIT), cursor: null }));
  const agents: AgentLookup = { loaded: true, get: () => undefined };
  const query = `+1 555 ${String(N - 1).padStart(7, '0').replace(/^(\d{3})/, '$1 ')}`;
  const [indexing, full, resumed] = [[] as number[], [] as number[], [] as number[]];
  for (let run = 0; run < runs; run++) {
    const index = new NumberIndex();
    let started = performance.now();
    for (const text of texts) for (const number of page(phoneNumber)(JSON.parse(text), 'response').data) index.put(number);
    indexing.push(performance.now() - started);
    started = performance.now();
    const { total } = index.search(query, { limit: SHOWN, agents });
    full.push(performance.now() - started);
    if (total !== 1) throw new Error(`${query} matched ${total} numbers`);
    resumed.push(redrawAsPagesLand(texts, query, agents));
  }
  return [
    { figure: `parse, check and index ${count} numbers (pages of ${LIMIT})`, value: ms(median(indexing)), target: 'reported', raw: median(indexing) },
    { figure: `search ${count} loaded numbers for a typed number`, value: ms(median(full)), target: 'reported', raw: median(full) },
    { figure: `  the same search after each of ${N / LIMIT} pages lands, in all`, value: ms(median(resumed)), target: 'reported', raw: median(resumed) },
  ];
}

/** What a picker with a typed number does as pages land: the same search after each page. Total time searching. */
function redrawAsPagesLand(texts: string[], query: string, agents: AgentLookup): number {
  const index = new NumberIndex();
  let searching = 0;
  for (const text of texts) {
    for (const number of page(phoneNumber)(JSON.parse(text), 'response').data) index.put(number);
    const started = performance.now();
    index.search(query, { limit: SHOWN, agents });
    searching += performance.now() - started;
  }
  return searching;
}
