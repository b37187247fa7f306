// The scale part's figures as rows of the benchmark's table. Each is the median over the runs.
import { median, type Row } from './benchCommon';
import type { ScaleConfig } from './scale';
import type { HostMemory } from './scaleHelper';
import type { PageTimes, PaletteRun } from './scalePalette';
import type { TreeFigures } from './scaleTree';

/** A palette load-all and, just before it, the same pages walked with bare fetch + JSON.parse. */
export interface ScaleRun extends PaletteRun {
  /** Inside the extension host (the bench helper extension): the floor the load-all is held to. */
  hostWalkMs: number;
  /** In the bench's own plain Node process, whose fetch is faster than the host's. */
  nodeWalkMs: number;
  hostWalkPerPage: PageTimes;
}

/** The extension host's memory in bytes, as the host reports it and as /proc does (RSS). */
export interface MemoryReading {
  host: HostMemory;
  rss: number;
}

export interface MemoryFigures {
  /** Before the first load-all, after the same collection. */
  before: MemoryReading;
  /** Once it is done and the picker closed. */
  after: MemoryReading;
  /** Then after a full, memory-reducing collection (what V8 does by itself once the host is idle): what is retained. */
  collected: MemoryReading;
  /** That first load-all after start, at 0 ms latency: not one of the timed runs. */
  firstLoadMs: number;
}

export interface ScaleResults {
  /** The runs, by latency in ms. */
  palette: Map<number, ScaleRun[]>;
  memory: MemoryFigures;
  tree: TreeFigures;
  /** The same clicks in the bench helper's bare tree: the floor. */
  bareTree: TreeFigures;
  /** Requests while expanding and clicking in the extension's tree. */
  treeRequests: number;
  pstnCount: number;
}

const count = (n: number) => n.toLocaleString('en-US');
const ms = (value: number) => `${value.toFixed(value < 100 ? 1 : 0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The median, with the range when the runs differ. */
function spread(values: number[], format: (value: number) => string = String): string {
  const [min, max] = [Math.min(...values), Math.max(...values)];
  return min === max ? format(min) : `${format(median(values))} (${format(min)}–${format(max)})`;
}

export function scaleRows(config: ScaleConfig, results: ScaleResults): Row[] {
  const runs = [...results.palette.values()].flat();
  const filter = median(runs.map((r) => r.filterMs));
  return [
    ...paletteRows(config, results.palette),
    { figure: 'scale: typed filter in the loaded picker → match on screen', value: ms(filter), target: 'reported', raw: filter },
    ...treeRows(results),
    ...memoryRows(config, results.memory),
    ...requestRows(config, runs, results.treeRequests),
  ];
}

/** The targets for the load-all ÷ the bare walk inside the host, by latency. */
const RATIO_TARGETS = new Map([
  [0, '≤ 1.5'],
  [20, '≤ 1.05'],
]);

function paletteRows(config: ScaleConfig, palette: Map<number, ScaleRun[]>): Row[] {
  const ratio = (value: number) => value.toFixed(2);
  return [...palette].flatMap(([latency, runs]) => {
    const load = median(runs.map((r) => r.loadMs));
    const overHost = runs.map((r) => r.loadMs / r.hostWalkMs);
    const overNode = runs.map((r) => r.loadMs / r.nodeWalkMs);
    return [
      { figure: `scale: palette load-all of ${count(config.n)}, ${latency} ms latency`, value: spread(runs.map((r) => r.loadMs), ms), target: 'reported', raw: load },
      { figure: '  bare fetch + JSON.parse walk, inside the extension host', value: spread(runs.map((r) => r.hostWalkMs), ms), target: 'the floor', raw: median(runs.map((r) => r.hostWalkMs)) },
      { figure: '  palette ÷ bare walk in the host, same run', value: spread(overHost, ratio), target: RATIO_TARGETS.get(latency) ?? 'reported', raw: median(overHost) },
      ...perPageRows(runs),
      { figure: '  bare walk in plain Node (no proxy-aware fetch)', value: spread(runs.map((r) => r.nodeWalkMs), ms), target: 'reported', raw: median(runs.map((r) => r.nodeWalkMs)) },
      { figure: '  palette ÷ bare walk in plain Node, same run', value: spread(overNode, ratio), target: 'reported', raw: median(overNode) },
    ];
  });
}

/** Whether the load-all's extra time is spent by the API (the bench's process) or in the host between pages. */
function perPageRows(runs: ScaleRun[]): Row[] {
  const pair = (of: (times: PageTimes) => number) => {
    const [load, walk] = [median(runs.map((r) => of(r.perPage))), median(runs.map((r) => of(r.hostWalkPerPage)))];
    return { value: `${load.toFixed(2)} ms vs ${walk.toFixed(2)} ms`, raw: load - walk };
  };
  return [
    { figure: '  per page, the API holding the request: load-all vs bare walk', ...pair((t) => t.apiMs), target: 'reported' },
    { figure: '  per page, the host from an answer to the next request: same', ...pair((t) => t.hostMs), target: 'reported' },
  ];
}

function treeRows(results: ScaleResults): Row[] {
  const { tree, bareTree } = results;
  const [more, bareMore] = [tree.moreMs, bareTree.moreMs].map((clicks) => (clicks.length > 0 ? median(clicks) : Number.NaN));
  const shown = (value: number, clicks: number[]) => (clicks.length > 0 ? `${ms(value)} (${clicks.length} clicks)` : 'none: all rows shown');
  return [
    { figure: `scale: expand PSTN numbers (${count(results.pstnCount)} loaded) → first rows`, value: ms(tree.expandMs), target: '≤ 200 ms', raw: tree.expandMs },
    { figure: '  the same in a bare tree view, same run (the floor)', value: ms(bareTree.expandMs), target: 'reported', raw: bareTree.expandMs },
    { figure: '  click on the row that shows more → new rows', value: shown(more, tree.moreMs), target: '≤ 100 ms', raw: more },
    { figure: '  the same in a bare tree view, same run (the floor)', value: shown(bareMore, bareTree.moreMs), target: 'reported', raw: bareMore },
    { figure: '  show more ÷ the bare tree\'s', value: (more / bareMore).toFixed(2), target: 'reported', raw: more / bareMore },
  ];
}

function memoryRows(config: ScaleConfig, memory: MemoryFigures): Row[] {
  const { before, after, collected } = memory;
  const growth = collected.rss - before.rss;
  const perNumber = (bytes: number) => `${Math.round(bytes / config.n)} B/number`;
  const heapUsed = (reading: MemoryReading) => reading.host.usage.heapUsed;
  const offHeap = (reading: MemoryReading) => reading.host.usage.external;
  const retained = heapUsed(collected) - heapUsed(before);
  const garbage = heapUsed(after) - heapUsed(collected);
  return [
    { figure: 'scale: first load-all after start, 0 ms latency (warms the host)', value: ms(memory.firstLoadMs), target: 'reported', raw: memory.firstLoadMs },
    { figure: '  extension host RSS before it (collected)', value: mb(before.rss), target: 'reported', raw: before.rss },
    { figure: `  right after load-all of ${count(config.n)} (picker closed)`, value: `${mb(after.rss)} (+${mb(after.rss - before.rss)})`, target: 'reported', raw: after.rss - before.rss },
    { figure: '  then collected, as V8 does once the host is idle', value: `${mb(collected.rss)} (+${mb(growth)})`, target: 'growth ≤ 100 MB', raw: growth },
    { figure: '  V8 heap used: before → after → collected', value: `${mb(heapUsed(before))} → ${mb(heapUsed(after))} → ${mb(heapUsed(collected))}`, target: 'reported', raw: heapUsed(after) },
    { figure: '  retained on the heap (collected − before)', value: `${mb(retained)} (${perNumber(retained)})`, target: 'reported', raw: retained },
    { figure: '  garbage on the heap after load-all', value: `${mb(garbage)} (${perNumber(garbage)})`, target: 'reported', raw: garbage },
    { figure: '  V8 heap committed: before → after → collected', value: `${mb(before.host.usage.heapTotal)} → ${mb(after.host.usage.heapTotal)} → ${mb(collected.host.usage.heapTotal)}`, target: 'reported', raw: after.host.usage.heapTotal },
    { figure: '  off-heap (external, array buffers included): before → after', value: `${mb(offHeap(before))} → ${mb(offHeap(after))}`, target: 'reported', raw: offHeap(after) },
  ];
}

function requestRows(config: ScaleConfig, runs: ScaleRun[], treeRequests: number): Row[] {
  const pages = Math.ceil(config.n / config.limit);
  const requests = runs.map((r) => r.requests);
  return [
    { figure: 'scale: GET /phone_numbers during one load-all', value: spread(requests), target: `= ⌈N/limit⌉ = ${pages}`, raw: median(requests) },
    { figure: '  requests to expand and show more, all loaded', value: String(treeRequests), target: '0', raw: treeRequests },
  ];
}
