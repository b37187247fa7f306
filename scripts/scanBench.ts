// How long finding numbers in a 10,000-line file takes (what inlay hints and hovers do per line), next to
// a bare regular-expression pass over the same text: the floor measured in the same run.
import { NumberIndex } from '../src/numbers/numberIndex';
import { mentionsIn } from '../src/numbers/recognise';
import { sampleWorkspace } from '../test/fake-api/data';
import { median, type Row } from './benchCommon';

const LINES = 10_000;

export function scanBench(runs: number): Row[] {
  const index = new NumberIndex();
  const { numbers } = sampleWorkspace(20_000);
  for (const number of numbers) index.put(number);
  // A config-like file: most lines hold no number, one in ten holds one, in various writings.
  const lines = Array.from({ length: LINES }, (_, i) =>
    i % 10 === 0 ? `  fromNumber: "${numbers[i].number.replace(/^\+1555/, '+1 555 ')}", // line ${i}` : `  const value${i} = compute(${i}, "text", [1, 2, 3]);`,
  );
  const scans: number[] = [];
  const floors: number[] = [];
  let found = 0;
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    found = lines.reduce((count, line) => count + mentionsIn(line, index).length, 0);
    scans.push(performance.now() - started);
    started = performance.now();
    lines.reduce((count, line) => count + (line.match(/\+[\d .\-()]{7,24}/g)?.length ?? 0), 0);
    floors.push(performance.now() - started);
  }
  const scan = median(scans);
  return [
    { figure: `scan a ${LINES.toLocaleString('en-US')}-line file for numbers (${found} found)`, value: `${scan.toFixed(1)} ms`, target: '≤ 20 ms', raw: scan },
    { figure: '  the same lines, one bare regular expression', value: `${median(floors).toFixed(1)} ms`, target: 'floor', raw: median(floors) },
  ];
}
