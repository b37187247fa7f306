import { cancelled } from '../vogent/errors';
import type { Page, PhoneNumber } from '../vogent/shapes';
import { CursorTrail } from './cursorTrail';
import { KNOWN_GROUPS, compareGroupKeys, groupKeyOf, type GroupKey } from './groups';
import { NumberIndex } from './numberIndex';
import { SharedRequest } from './sharedRequest';

export type FetchNumberPage = (cursor: string | undefined, signal: AbortSignal) => Promise<Page<PhoneNumber>>;

/** The phone numbers of one listing loaded so far, grouped by type in API order, and how to load more; a page landing costs O(page). */
export class NumberPages {
  /** Every number loaded so far, with its lookups. Read it; only the pages write it. */
  readonly index = new NumberIndex();
  private readonly skipped = new Map<GroupKey, number>();
  /** undefined: no page loaded yet; null: every page loaded. */
  private cursor: string | null | undefined;
  private readonly trail: CursorTrail;
  private readonly controller = new AbortController();
  private nextPage: SharedRequest | undefined;
  private lastPage: Promise<unknown> = Promise.resolve();
  private failure: Error | undefined;
  private landed = 0;
  private readonly listeners = new Set<(redraw: readonly GroupKey[]) => void>();
  /** Loads of every page left: each asks for the next page as soon as the one before names it. */
  private readonly readers = new Set<{ signal: AbortSignal }>();

  constructor(
    private readonly fetchPage: FetchNumberPage,
    readonly pageSize: number,
    maxPages?: () => number,
  ) {
    this.trail = new CursorTrail('phone numbers', maxPages);
  }

  get started(): boolean {
    return this.cursor !== undefined;
  }

  get complete(): boolean {
    return this.cursor === null;
  }

  /** The last load's error, until a later load succeeds. */
  get error(): Error | undefined {
    return this.failure;
  }

  get size(): number {
    return this.index.size;
  }

  /** How many pages have landed. */
  get pagesLoaded(): number {
    return this.landed;
  }

  /** Called when a page lands or fails, or a number is updated; with the groups whose loaded numbers a page changed (a repeated id sent anew). */
  onDidChange(listener: (redraw: readonly GroupKey[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The group keys, ordered; while pages remain, the documented types even before their first number, so expanding them loads more. */
  groups(): GroupKey[] {
    const keys = new Set([...this.index.groups(), ...this.skipped.keys()]);
    if (!this.complete) for (const key of KNOWN_GROUPS) keys.add(key);
    return [...keys].sort(compareGroupKeys);
  }

  /** A window of the group's numbers, in API order. */
  numbersIn(key: GroupKey, start?: number, end?: number): PhoneNumber[] {
    return this.index.numbersIn(key, start, end);
  }

  countIn(key: GroupKey): number {
    return this.index.countIn(key);
  }

  /** How many records of this group the API sent that could not be read. */
  skippedIn(key: GroupKey): number {
    return this.skipped.get(key) ?? 0;
  }

  get(id: string): PhoneNumber | undefined {
    return this.index.get(id);
  }

  /** Replaces a loaded number (after a link or unlink): in place, unless its type changed; listeners hear its groups. */
  update(number: PhoneNumber): void {
    if (this.index.has(number.id)) this.emit([...this.put(number)]);
  }

  /** Loads the next page. Callers that arrive while a page is loading share that request (see SharedRequest), unless all gave it up. */
  loadNextPage(signal?: AbortSignal): Promise<void> {
    if (this.complete) return Promise.resolve();
    if (signal?.aborted) return Promise.reject(cancelled());
    if (!this.nextPage || this.nextPage.abandoned) this.nextPage = this.startPage();
    return this.nextPage.join(signal);
  }

  /** Resolves once the page in flight, if any, has landed or failed (not the pages a loop asks for after it). */
  async idle(): Promise<void> {
    await this.nextPage?.done.catch(() => undefined);
  }

  /** Loads the first page, unless one was loaded already; with a `signal`, as the next page's other callers (see loadNextPage). */
  async start(signal?: AbortSignal): Promise<void> {
    if (!this.started) await this.loadNextPage(signal);
  }

  /** Loads pages until the group holds `count` numbers, or the pages end: expanding a group and "Load more…". */
  fill(key: GroupKey, count = this.pageSize): Promise<void> {
    return this.loadUntil(() => this.countIn(key) >= count);
  }

  /** Loads pages until `done`, or the end; a caller's own signal stops it between pages. */
  async loadUntil(done: () => boolean, signal?: AbortSignal): Promise<void> {
    // The first page too is the caller's: given up by all who asked with a signal, it is aborted.
    await this.start(signal);
    while (!this.complete && !done()) {
      if (signal?.aborted) throw cancelled();
      await this.loadNextPage(signal);
    }
  }

  /** Loads every page left, until `signal` aborts, asking for each page as soon as the one before names it. */
  async loadRest(signal: AbortSignal): Promise<void> {
    const reader = { signal };
    this.readers.add(reader);
    try {
      await this.loadUntil(() => false, signal);
    } finally {
      this.readers.delete(reader);
    }
  }

  /** Cancels what is in flight; this listing is not used again. */
  dispose(): void {
    this.controller.abort();
    this.listeners.clear();
  }

  private startPage(): SharedRequest {
    const page = new SharedRequest((signal) => this.fetchNext(signal, this.lastPage), this.controller.signal);
    this.lastPage = page.done.catch(() => undefined);
    void this.lastPage.then(() => this.nextPage === page && (this.nextPage = undefined));
    return page;
  }

  private async fetchNext(signal: AbortSignal, previous: Promise<unknown>): Promise<void> {
    let page: Page<PhoneNumber>;
    try {
      page = await this.fetchPage(this.cursor ?? undefined, signal);
      // A page read ahead lands after the one before it.
      await previous;
      if (signal.aborted) throw cancelled();
      this.trail.accept(page.cursor, page.data.length + page.skipped.length);
    } catch (error) {
      if (!signal.aborted) {
        this.failure = error instanceof Error ? error : new Error(String(error));
        this.emit();
      }
      throw error;
    }
    this.cursor = page.cursor;
    // Accepted, so it lands even if its callers leave now; first the request read ahead leaves, then this page takes the thread.
    if (this.readAhead()) await new Promise((resolve) => setImmediate(resolve));
    this.land(page);
  }

  private land(page: Page<PhoneNumber>): void {
    const redraw = new Set<GroupKey>();
    for (const number of page.data) this.put(number, redraw);
    for (const record of page.skipped) {
      const key = record.type ?? '';
      this.skipped.set(key, (this.skipped.get(key) ?? 0) + 1);
    }
    this.landed++;
    this.failure = undefined;
    this.emit([...redraw]);
  }

  /** Starts the next page for the loads of every page left; true if one was started. */
  private readAhead(): boolean {
    const readers = [...this.readers].filter(({ signal }) => !signal.aborted);
    if (this.complete || readers.length === 0) return false;
    this.nextPage = undefined;
    for (const { signal } of readers) this.loadNextPage(signal).catch(() => undefined);
    return true;
  }

  /** Indexes a number; when it replaces a loaded one with other content, both their groups go into `redraw`. */
  private put(number: PhoneNumber, redraw = new Set<GroupKey>()): Set<GroupKey> {
    const old = this.index.put(number);
    return old ? redraw.add(groupKeyOf(old)).add(groupKeyOf(number)) : redraw;
  }

  private emit(redraw: readonly GroupKey[] = []): void {
    for (const listener of this.listeners) listener(redraw);
  }
}
