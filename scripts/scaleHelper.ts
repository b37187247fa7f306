// The bench helper extension (scripts/bench-extension): packaged here and installed next to the extension
// in the scale part's VS Code, never shipped. It answers from inside the extension host: the bare fetch walk
// there (the host's own fetch is slower than plain Node's), and the host's memory, with or without a full
// collection. Requests and answers go through files in a folder the host is told of by VOGENT_BENCH_DIR.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createVSIX } from '@vscode/vsce';
import type { Page } from 'playwright-core';
import { typeCommand } from './scaleUi';

const SOURCE = path.join('scripts', 'bench-extension');
const COMMAND = 'Vogent Bench: Run Request';

export interface HostMemory {
  usage: NodeJS.MemoryUsage;
  heap: { total_heap_size: number; used_heap_size: number; malloced_memory: number; external_memory: number };
  /** Used and committed bytes by heap space (new_space, old_space, large_object_space…). */
  spaces: Record<string, { used: number; size: number }>;
}

export interface Helper {
  vsix: string;
  /** Passed to the host so the helper finds the requests. */
  env: Record<string, string>;
  /** The bare walk of every page (or the first `maxPages`) inside the extension host, in ms. */
  walk(page: Page, target: { url: string; key: string; limit: number; maxPages?: number }): Promise<number>;
  memory(page: Page, collect: boolean): Promise<HostMemory>;
  /** Writes a heap snapshot of the host (after a full collection); resolves to its path. */
  snapshot(page: Page, file: string): Promise<string>;
  /** Runs `work` under a CPU profile of the host, written to `file`. */
  profile<T>(page: Page, file: string, work: () => Promise<T>): Promise<T>;
  dispose(): void;
}

/** "old_space 80.1/160.0 MB, …": each heap space's used and committed size, for the log. */
export function spacesLine(memory: HostMemory): string {
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  return Object.entries(memory.spaces)
    .filter(([, space]) => space.size >= 1024 * 1024)
    .map(([name, space]) => `${name} ${mb(space.used)}/${mb(space.size)} MB`)
    .join(', ');
}

export async function packageHelper(root: string, timeoutMs: number): Promise<Helper> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vogent-bench-helper-'));
  const vsix = path.join(dir, 'bench-helper.vsix');
  await createVSIX({ cwd: path.join(root, SOURCE), packagePath: vsix, dependencies: false, allowMissingRepository: true, skipLicense: true });
  let next = 0;
  const ask = async <T>(page: Page, request: Record<string, unknown>): Promise<T> => {
    const id = ++next;
    fs.writeFileSync(path.join(dir, 'request.json'), JSON.stringify({ ...request, id }));
    await typeCommand(page, COMMAND);
    await page.keyboard.press('Enter');
    const answer = await waitForAnswer(path.join(dir, `answer-${id}.json`), timeoutMs);
    if ('error' in answer) throw new Error(`the bench helper failed: ${String(answer.error)}`);
    return answer.result as T;
  };
  return {
    vsix,
    env: { VOGENT_BENCH_DIR: dir },
    walk: async (page, target) => (await ask<{ ms: number }>(page, { kind: 'walk', ...target })).ms,
    memory: (page, collect) => ask<HostMemory>(page, { kind: 'memory', collect }),
    snapshot: async (page, file) => (await ask<{ file: string }>(page, { kind: 'snapshot', file })).file,
    profile: async (page, file, work) => {
      await ask(page, { kind: 'profileStart' });
      try {
        return await work();
      } finally {
        await ask(page, { kind: 'profileStop', file });
      }
    },
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function waitForAnswer(file: string, timeoutMs: number): Promise<{ result?: unknown; error?: unknown }> {
  for (const end = Date.now() + timeoutMs; !fs.existsSync(file); ) {
    if (Date.now() > end) throw new Error(`the bench helper did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as { result?: unknown; error?: unknown };
}
