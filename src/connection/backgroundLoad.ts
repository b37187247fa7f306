/**
 * A load-all nobody waits on (lookups of numbers met in code): one at a time however often it is
 * asked, only while `wanted` (hints redrawn on every change must not hammer a failing API), stopped
 * when what it loads is dropped. Its failures are the listing's to show, not thrown.
 */
export class BackgroundLoad {
  private running: AbortController | undefined;

  constructor(
    private readonly loadAll: (signal: AbortSignal) => Promise<void>,
    private readonly wanted: () => boolean,
  ) {}

  /** Starts the load unless one runs; returns it when this call started it. */
  start(): Promise<void> | undefined {
    if (this.running || !this.wanted()) return undefined;
    const run = (this.running = new AbortController());
    return this.loadAll(run.signal)
      .catch(() => undefined)
      .finally(() => {
        if (this.running === run) this.running = undefined;
      });
  }

  stop(): void {
    this.running?.abort();
    this.running = undefined;
  }
}
