// Benchmark only, never shipped: the scale part of `npm run bench` (scripts/scaleHelper.ts) installs it
// next to the packaged extension. It runs in the same extension host, so it sees the same fetch (VS Code's
// proxy-aware one) and the same process. The bench writes a request into VOGENT_BENCH_DIR and runs
// "Vogent Bench: Run Request"; the answer is written next to it, whole (renamed into place).
const fs = require('node:fs');
const inspector = require('node:inspector');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');
const vscode = require('vscode');

/** The bare floor: the same pages walked with nothing but fetch and JSON.parse (the first `maxPages` only, if given). */
async function walk({ url, key, limit, maxPages = Infinity }) {
  const started = performance.now();
  let cursor = null;
  let pages = 0;
  do {
    const query = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await fetch(`${url}/phone_numbers?${query}`, { headers: { Authorization: `Bearer ${key}` } });
    cursor = JSON.parse(await response.text()).cursor;
    pages++;
  } while (cursor && pages < maxPages);
  return { ms: performance.now() - started, pages };
}

let collector;
/**
 * The host's gc(), exposed on first use (bench only: the flag stays on in this host). A full,
 * memory-reducing collection: the one V8's memory reducer runs by itself once the host has been idle
 * for some seconds, which also gives back the young generation that a fast load grew.
 */
function gc() {
  if (!collector) {
    v8.setFlagsFromString('--expose-gc');
    collector = vm.runInNewContext('gc');
  }
  collector({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/** process.memoryUsage() and V8's heap figures, after that collection if asked. */
function memory({ collect }) {
  if (collect) gc();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, { used: s.space_used_size, size: s.space_size }]));
  return { usage: process.memoryUsage(), heap: v8.getHeapStatistics(), spaces };
}

/** Writes a heap snapshot (large: tens of MB) for a closer look; returns its path. */
function snapshot({ file }) {
  gc();
  return { file: v8.writeHeapSnapshot(file) };
}

let profiler;
const post = (method) => new Promise((resolve, reject) => profiler.post(method, (error, result) => (error ? reject(error) : resolve(result))));

/** Starts a CPU profile of the whole extension host (the extension's code and VS Code's). */
async function profileStart() {
  profiler = new inspector.Session();
  profiler.connect();
  await post('Profiler.enable');
  await post('Profiler.start');
  return {};
}

/** Stops it and writes it as a .cpuprofile (open it in a browser's dev tools). */
async function profileStop({ file }) {
  const { profile } = await post('Profiler.stop');
  profiler.disconnect();
  fs.writeFileSync(file, JSON.stringify(profile));
  return { file };
}

const KINDS = { walk, memory, snapshot, profileStart, profileStop };

async function run() {
  const dir = process.env.VOGENT_BENCH_DIR;
  if (!dir) throw new Error('VOGENT_BENCH_DIR is not set');
  const request = JSON.parse(fs.readFileSync(path.join(dir, 'request.json'), 'utf8'));
  let answer;
  try {
    answer = { id: request.id, result: await KINDS[request.kind](request) };
  } catch (error) {
    answer = { id: request.id, error: String((error && error.stack) || error) };
  }
  const out = path.join(dir, `answer-${request.id}.json`);
  fs.writeFileSync(`${out}.partial`, JSON.stringify(answer));
  fs.renameSync(`${out}.partial`, out);
}

/** Rows in the bare tree, labelled as scripts/scaleTree.ts expects them. */
const FLOOR_ROWS = 3000;
const floorLabel = (i) => `Floor row ${String(i).padStart(5, '0')}`;

/**
 * The floor for the tree figures: a bare TreeDataProvider, with one group whose rows look like the
 * extension's (label, description, coloured icon, spoken label, the same menus on the same kind of context
 * value), a page shown on expand and a page more per click on its last row. No paging, no formatting,
 * nothing else: what such a tree costs in this VS Code whoever draws it.
 */
function bareTree() {
  const changed = new vscode.EventEmitter();
  const group = { kind: 'group' };
  const more = { kind: 'more' };
  let shown = 100;
  const item = (element) => {
    if (element === group) return Object.assign(new vscode.TreeItem('Floor rows', vscode.TreeItemCollapsibleState.Collapsed), { id: 'group' });
    if (element === more) {
      return Object.assign(new vscode.TreeItem(`Show 100 more · ${FLOOR_ROWS} loaded`), { id: 'more', command: { command: 'vogentBench.showMore', title: 'Show more' } });
    }
    const label = floorLabel(element.i);
    const icon = new vscode.ThemeIcon('device-mobile', new vscode.ThemeColor('charts.green'));
    const row = { id: `row:${element.i}`, description: 'Agent', iconPath: icon, contextValue: 'floorRow pstn linked', accessibilityInformation: { label: `${label}, agent Agent` } };
    return Object.assign(new vscode.TreeItem(label), row);
  };
  const provider = {
    onDidChangeTreeData: changed.event,
    getTreeItem: item,
    getChildren: (element) => {
      if (!element) return [group];
      if (element !== group) return [];
      const rows = Array.from({ length: Math.min(shown, FLOOR_ROWS) }, (_, i) => ({ kind: 'row', i }));
      return shown < FLOOR_ROWS ? [...rows, more] : rows;
    },
  };
  const showMore = () => {
    shown += 100;
    changed.fire(group);
  };
  return [vscode.window.createTreeView('vogentBench.floor', { treeDataProvider: provider }), vscode.commands.registerCommand('vogentBench.showMore', showMore), changed];
}

function activate(context) {
  context.subscriptions.push(vscode.commands.registerCommand('vogentBench.run', run), ...bareTree());
}

module.exports = { activate };
