// What the benchmark's parts share: the row format of the table and of bench/results/latest.json,
// the median, and the bare fetch walk that paging is compared with.
import type { FakeVogent } from '../test/fake-api/server';

export interface Row {
  figure: string;
  value: string;
  target: string;
  raw: number;
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The same walk through the pages with nothing but fetch and JSON.parse: what the machine's HTTP stack costs. */
export async function bareFetchLoop(fake: FakeVogent, key: string, limit: number): Promise<number> {
  const started = performance.now();
  let cursor: string | null = null;
  do {
    const query: string = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response: Response = await fetch(`${fake.url}/phone_numbers?${query}`, { headers: { Authorization: `Bearer ${key}` } });
    cursor = (JSON.parse(await response.text()) as { cursor: string | null }).cursor;
  } while (cursor);
  return performance.now() - started;
}
