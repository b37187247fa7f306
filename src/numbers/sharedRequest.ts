/**
 * One request that several callers wait on. It is aborted once every caller that came with a signal has
 * given up, unless a caller came without one (a view filling a group): that caller keeps it going.
 */
export class SharedRequest {
  readonly done: Promise<void>;
  private readonly controller = new AbortController();
  private waiting = 0;
  private kept = false;

  /** Starts the request at once; `owner` aborting (its listing dropped) aborts it too. */
  constructor(run: (signal: AbortSignal) => Promise<void>, owner: AbortSignal) {
    this.done = run(AbortSignal.any([owner, this.controller.signal]));
  }

  /** Every caller that came with a signal left, and none without: it ends as cancelled, and is not to be joined. */
  get abandoned(): boolean {
    return this.controller.signal.aborted;
  }

  /** Waits on the request; `signal` aborting is this caller leaving. */
  join(signal?: AbortSignal): Promise<void> {
    if (!signal) {
      this.kept = true;
      return this.done;
    }
    this.waiting++;
    const leave = () => --this.waiting === 0 && !this.kept && this.controller.abort();
    signal.addEventListener('abort', leave, { once: true });
    return this.done.finally(() => signal.removeEventListener('abort', leave));
  }
}
