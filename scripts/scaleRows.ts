// The scale part's figures as rows of the benchmark's table. Each is the median over the runs.
import { median, type Row } from './benchCommon';
import type { ScaleConfig } from './scale';
import type { PaletteRun } from './scalePalette';
import type { TreeFigures } from './scaleTree';

export interface ScaleResults {
  /** The palette runs, by latency in ms. */
  palette: Map<number, PaletteRun[]>;
  /** Extension host RSS in bytes, before and after the first load-all. */
  memory: { before: number; after: number };
  tree: TreeFigures;
  pstnCount: number;
}

const count = (n: number) => n.toLocaleString('en-US');
const ms = (value: number) => `${value.toFixed(value < 100 ? 1 : 0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The median, with the range when the runs differ. */
function spread(values: number[]): string {
  const [min, max] = [Math.min(...values), Math.max(...values)];
  return min === max ? String(min) : `${median(values)} (${min}–${max})`;
}

export function scaleRows(config: ScaleConfig, results: ScaleResults): Row[] {
  const runs = [...results.palette.values()].flat();
  const filter = median(runs.map((r) => r.filterMs));
  return [
    ...paletteRows(config, results.palette),
    { figure: 'scale: typed filter in the loaded picker → match on screen', value: ms(filter), target: 'reported', raw: filter },
    ...treeRows(results),
    ...memoryRows(config, results.memory),
    ...requestRows(config, runs, results.tree),
  ];
}

function paletteRows(config: ScaleConfig, palette: Map<number, PaletteRun[]>): Row[] {
  return [...palette].flatMap(([latency, runs]) => {
    const load = median(runs.map((r) => r.loadMs));
    const bare = median(runs.map((r) => r.bareMs));
    const ratio = median(runs.map((r) => r.loadMs / r.bareMs));
    return [
      { figure: `scale: palette load-all of ${count(config.n)}, ${latency} ms latency`, value: ms(load), target: 'reported', raw: load },
      { figure: '  same pages with bare fetch + JSON.parse', value: ms(bare), target: 'reported', raw: bare },
      { figure: '  palette / bare fetch, same run', value: ratio.toFixed(2), target: 'reported', raw: ratio },
    ];
  });
}

function treeRows(results: ScaleResults): Row[] {
  const { expandMs, moreMs } = results.tree;
  const more = moreMs.length > 0 ? median(moreMs) : Number.NaN;
  return [
    { figure: `scale: expand PSTN numbers (${count(results.pstnCount)} loaded) → first rows`, value: ms(expandMs), target: 'reported', raw: expandMs },
    {
      figure: '  click on the row that shows more → new rows',
      value: moreMs.length > 0 ? `${ms(more)} (${moreMs.length} clicks)` : 'none: all rows shown',
      target: 'reported',
      raw: more,
    },
  ];
}

function memoryRows(config: ScaleConfig, memory: ScaleResults['memory']): Row[] {
  const growth = memory.after - memory.before;
  return [
    { figure: 'scale: extension host RSS before load-all', value: mb(memory.before), target: 'reported', raw: memory.before },
    { figure: `  after load-all of ${count(config.n)} (picker closed)`, value: mb(memory.after), target: 'reported', raw: memory.after },
    { figure: '  growth per number', value: `${Math.round(growth / config.n)} B`, target: 'reported', raw: growth / config.n },
  ];
}

function requestRows(config: ScaleConfig, runs: PaletteRun[], tree: TreeFigures): Row[] {
  const pages = Math.ceil(config.n / config.limit);
  const requests = runs.map((r) => r.requests);
  return [
    { figure: 'scale: GET /phone_numbers during one load-all', value: spread(requests), target: `= ⌈N/limit⌉ = ${pages}`, raw: median(requests) },
    { figure: '  requests to expand and show more, all loaded', value: String(tree.requests), target: '0', raw: tree.requests },
  ];
}
