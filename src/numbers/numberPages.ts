import { cancelled } from '../vogent/errors';
import type { Page, PhoneNumber } from '../vogent/shapes';
import { CursorTrail } from './cursorTrail';
import { KNOWN_GROUPS, compareGroupKeys, groupKeyOf, type GroupKey } from './groups';

export type FetchNumberPage = (cursor: string | undefined, signal: AbortSignal) => Promise<Page<PhoneNumber>>;

export interface NumberGroup {
  key: GroupKey;
  numbers: PhoneNumber[];
}

/**
 * The phone numbers loaded so far, and how to load more. One owner for "what is loaded": the tree
 * renders from here and asks here for more. Knows nothing of VS Code.
 */
export class NumberPages {
  private byId = new Map<string, PhoneNumber>();
  /** undefined: no page loaded yet; null: every page loaded. */
  private cursor: string | null | undefined;
  private trail = new CursorTrail();
  private controller = new AbortController();
  private nextPage: Promise<void> | undefined;
  private readonly groupLoads = new Map<GroupKey, Promise<void>>();
  private failure: Error | undefined;
  /** A reload in progress: reset cancels it too. */
  private successor: NumberPages | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly fetchPage: FetchNumberPage,
    readonly pageSize: number,
  ) {}

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
    return this.byId.size;
  }

  /** Called when a page lands or fails, a group starts loading more, a number is updated, or on reset. */
  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The groups, ordered. While pages remain, the documented types are listed even when none of
   * their numbers has arrived yet, so that expanding them can load more.
   */
  groups(): NumberGroup[] {
    const byKey = new Map<GroupKey, PhoneNumber[]>();
    if (!this.complete) for (const key of KNOWN_GROUPS) byKey.set(key, []);
    for (const number of this.byId.values()) {
      const key = groupKeyOf(number);
      const list = byKey.get(key);
      if (list) list.push(number);
      else byKey.set(key, [number]);
    }
    return [...byKey.keys()].sort(compareGroupKeys).map((key) => ({ key, numbers: byKey.get(key) ?? [] }));
  }

  numbersIn(key: GroupKey): PhoneNumber[] {
    return [...this.byId.values()].filter((n) => groupKeyOf(n) === key);
  }

  /** All loaded numbers, in the order the API gave them. */
  all(): PhoneNumber[] {
    return [...this.byId.values()];
  }

  /** Replaces one number in place (after a link or unlink), keeping its position. */
  update(number: PhoneNumber): void {
    if (!this.byId.has(number.id)) return;
    this.byId.set(number.id, number);
    this.emit();
  }

  /** Loads the next page. Callers that arrive while a page is loading share that request. */
  loadNextPage(): Promise<void> {
    if (this.complete) return Promise.resolve();
    if (!this.nextPage) {
      const load = this.fetchNext();
      this.nextPage = load;
      void load.then(
        () => this.settled(load),
        () => this.settled(load),
      );
    }
    return this.nextPage;
  }

  /** Loads the first page, unless one was loaded already. */
  async start(): Promise<void> {
    if (!this.started) await this.loadNextPage();
  }

  /** Loads pages until the group holds at least a page's worth, or the pages end: what expanding a group does. */
  fill(key: GroupKey): Promise<void> {
    return this.loadUntil(() => this.numbersIn(key).length >= this.pageSize);
  }

  /**
   * "Load more" for one group: pages mix types, so load pages until this group has grown by a page's
   * worth, or the pages end. Repeated calls while one runs share it.
   */
  loadMore(key: GroupKey): Promise<void> {
    let load = this.groupLoads.get(key);
    if (!load) {
      const target = this.numbersIn(key).length + this.pageSize;
      const started = this.loadUntil(() => this.numbersIn(key).length >= target);
      load = started.finally(() => {
        if (this.groupLoads.get(key) === load) this.groupLoads.delete(key);
      });
      this.groupLoads.set(key, load);
      this.emit();
    }
    return load;
  }

  isLoadingMore(key: GroupKey): boolean {
    return this.groupLoads.has(key);
  }

  async loadUntil(done: () => boolean): Promise<void> {
    await this.start();
    while (!this.complete && !done()) await this.loadNextPage();
  }

  /**
   * A fresh load of the same listing that shows at least as much as this one: pages are loaded from
   * the first until every group holds as many numbers as here, or the pages end. This one is untouched.
   */
  async reloaded(): Promise<NumberPages> {
    const next = new NumberPages(this.fetchPage, this.pageSize);
    this.successor?.reset();
    this.successor = next;
    const wanted = this.groups().map((g) => [g.key, g.numbers.length] as const);
    try {
      await next.loadUntil(() => wanted.every(([key, count]) => next.numbersIn(key).length >= count));
    } catch (error) {
      next.reset();
      throw error;
    } finally {
      // Done either way: from here the caller owns `next`, and resetting this state must not touch it.
      if (this.successor === next) this.successor = undefined;
    }
    return next;
  }

  /** Forgets everything and cancels what is in flight; the next load starts from the first page. */
  reset(): void {
    this.successor?.reset();
    this.successor = undefined;
    this.controller.abort();
    this.controller = new AbortController();
    this.byId = new Map();
    this.cursor = undefined;
    this.trail = new CursorTrail();
    this.nextPage = undefined;
    this.groupLoads.clear();
    this.failure = undefined;
    this.emit();
  }

  private async fetchNext(): Promise<void> {
    const { signal } = this.controller;
    try {
      const page = await this.fetchPage(this.cursor ?? undefined, signal);
      if (signal.aborted) throw cancelled();
      this.trail.accept(page.cursor, 'phone numbers');
      for (const number of page.data) this.byId.set(number.id, number);
      this.cursor = page.cursor;
      this.failure = undefined;
    } catch (error) {
      if (!signal.aborted) this.failure = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      if (!signal.aborted) this.emit();
    }
  }

  private settled(load: Promise<void>): void {
    if (this.nextPage === load) this.nextPage = undefined;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
