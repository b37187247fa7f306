import { AgentDirectory } from '../numbers/agentDirectory';
import type { GroupKey } from '../numbers/groups';
import { NumberPages } from '../numbers/numberPages';
import { VogentError, cancelled, isVogentError } from '../vogent/errors';
import type { Agent, PhoneNumber } from '../vogent/shapes';
import { BackgroundLoad } from './backgroundLoad';
import { Listing, readOnce } from './listing';
import type { ConnectionChange, ConnectionOptions, ConnectionStatus } from './types';

export type { ConnectionChange, ConnectionOptions, ConnectionStatus, KeySource } from './types';
const NOTHING = new NumberPages(() => Promise.reject(new Error('no listing')), 1);
const NO_AGENTS = new AgentDirectory(() => Promise.reject(new Error('no listing')));

/** One Vogent workspace as this window sees it, the one owner of what is loaded under which key: a key, settings or refresh change replaces its listing in one step. */
export class VogentConnection {
  private listing: Listing | undefined;
  private refreshing: Promise<void> | undefined;
  private disposed = false;
  /** The load-all for lookups in code; it ends with the listing it started on. After a failure only Retry or Refresh load again. */
  private readonly lookUp = new BackgroundLoad(
    (signal) => this.loadAll(signal),
    () => this.status === 'ready' && !this.numbers.complete && !this.numbers.error,
  );
  private readonly listeners = new Set<(change: ConnectionChange) => void>();

  constructor(private readonly options: ConnectionOptions) {}

  get status(): ConnectionStatus {
    if (!this.options.key.hasKey) return 'no-key';
    return this.listing?.rejected ? 'rejected' : 'ready';
  }

  /** The numbers loaded so far; empty without a usable key. */
  get numbers(): NumberPages {
    return this.current()?.pages ?? NOTHING;
  }

  get agents(): AgentDirectory {
    return this.current()?.agents ?? NO_AGENTS;
  }

  onDidChange(listener: (change: ConnectionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Forgets everything loaded (the key or a setting changed) and cancels what is in flight. */
  reset(): void {
    this.lookUp.stop();
    this.listing?.dispose();
    this.listing = undefined;
    this.emit({ all: true, groups: [] });
  }

  /** Loads the first page unless it was loaded or failed; failures stay in `numbers.error`. */
  async show(): Promise<void> {
    for (let listing = this.current(); listing; listing = this.current()) {
      if (listing.pages.started || listing.pages.error) return;
      await listing.pages.start().catch((error: unknown) => listing.failed('Loading phone numbers', error));
      // Replaced meanwhile (a new key or settings): show the new listing instead.
      if (listing === this.listing) return;
    }
  }

  /** Loads the group to `count` numbers, and the agent names, to draw them: not retried after a failure, so redraws spare a failing API. */
  fill(key: GroupKey, count?: number): Promise<void> {
    return this.loadGroup(key, count, false);
  }

  /** The same for "Load more…" and Retry, which a user clicked: a failed load is tried again. */
  loadMore(key: GroupKey, count: number): Promise<void> {
    return this.loadGroup(key, count, true);
  }

  /** A refresh meanwhile is followed to the pages it swapped in; a reset is not: views start again from a page. */
  private async loadGroup(key: GroupKey, count: number | undefined, retry: boolean): Promise<void> {
    const listing = this.current();
    let pages = listing?.pages;
    while (listing && pages) {
      const names = listing.loadNames(false);
      if (retry || !pages.error) await pages.fill(key, count).catch((error: unknown) => listing.failed(`Loading ${key || 'untyped'} numbers`, error));
      await names;
      pages = listing === this.listing && pages !== listing.pages ? listing.pages : undefined;
    }
  }

  /** Loads every page (and the agent names, a nicety), following a reset to the new listing, until done or `signal` aborts; failures are logged and thrown. */
  async loadAll(signal: AbortSignal): Promise<void> {
    for (;;) {
      // Aborted while waiting on the names of a listing since replaced: the new one is not this load's to start.
      if (signal.aborted) throw cancelled();
      const listing = this.usable();
      const { pages } = listing;
      const names = listing.loadNames(true);
      try {
        await pages.loadRest(listing.untilReload(signal));
        await listing.reloadEnded();
      } catch (error) {
        // Given up for a refresh, or replaced meanwhile (a new key, a refresh's pages): go on with what there is then.
        const goOn = listing !== this.listing || pages !== listing.pages || isVogentError(error, 'cancelled');
        if (signal.aborted || !goOn) throw listing.failed('Loading every phone number', error);
        await listing.reloadEnded();
      }
      await names;
      if (listing === this.listing && pages === listing.pages && pages.complete) return;
    }
  }

  /** The agent names alone, for numbers found before any name was needed; a failed load is not tried again here. */
  loadAgentNames(): Promise<unknown> | undefined {
    return this.current()?.loadNames(false);
  }

  /** Loads every page in the background for lookups of numbers met in code; returns the load when this call started it. */
  lookUpEverything(): Promise<void> | undefined {
    return this.lookUp.start();
  }

  /** Every agent, for a picker: a failed load is tried again, and one replaced meanwhile (a refresh) followed. Failures are thrown. */
  async agentList(): Promise<Agent[]> {
    for (;;) {
      const listing = this.usable();
      const agents = listing.agentsToLoad;
      // Loaded already: nothing changed that the views should redraw.
      if (agents.loaded) return agents.list();
      try {
        return [...(await agents.load()).values()];
      } catch (error) {
        if (!isVogentError(error, 'cancelled') || (listing === this.listing && agents === listing.agentsToLoad)) throw listing.failed('Loading agents', error);
      } finally {
        if (listing === this.listing) this.emit({ all: false, groups: listing.pages.groups() });
      }
    }
  }

  /** Reloads, showing at least as much as before; callers meanwhile share it. Failures are thrown. */
  refresh(): Promise<void> {
    this.refreshing ??= this.reload().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Links (or with `null` unlinks) a number, and shows the server's answer in place. Failures are thrown. */
  async setAgent(id: string, agentId: string | null): Promise<PhoneNumber> {
    const listing = this.usable();
    try {
      // The shown pages tell the views which groups the answer changed.
      return await listing.setAgent(id, agentId);
    } catch (error) {
      throw listing.failed(`Updating the agent of ${id}`, error);
    }
  }

  /** Ends the connection for good (its workspace was removed): loads in flight end as cancelled. */
  dispose(): void {
    this.disposed = true;
    // Cleared first: a removed workspace tells no one that it emptied.
    this.listeners.clear();
    this.reset();
  }

  private async reload(): Promise<void> {
    const listing = this.listing;
    if (!listing || listing.rejected || !listing.pages.started || listing.pages.size === 0) return this.reset();
    try {
      const change = await listing.reload();
      if (listing === this.listing) this.emit(change);
    } catch (error) {
      const failure = listing.failed('Refreshing phone numbers', error);
      if (!isVogentError(failure, 'cancelled') && listing === this.listing) throw failure;
    }
  }

  /** The listing under the current key and settings, made on first use; none without a usable key. */
  private current(): Listing | undefined {
    if (this.disposed || this.status === 'no-key' || this.listing?.rejected) return undefined;
    this.listing ??= this.newListing();
    return this.listing;
  }

  /** The current listing for an action, or why there is none. */
  private usable(): Listing {
    const listing = this.current();
    if (listing) return listing;
    if (this.disposed) throw new VogentError('cancelled', 'The Vogent workspace was removed.');
    throw new VogentError('unauthorized', this.status === 'rejected' ? 'Vogent rejected the API key; replace it to continue.' : 'No Vogent API key is set.');
  }

  private newListing(): Listing {
    const client = this.options.client(readOnce(() => this.options.key.get()));
    const { warn, error } = this.options.log;
    const [changed, rejected] = [(groups: readonly GroupKey[] = []) => this.emit({ all: false, groups }), () => this.emit({ all: true, groups: [] })];
    const paging = { pageSize: this.options.pageSize(), maxPages: () => this.options.maxPages() };
    return new Listing(client, paging, { changed, warn, error, rejected });
  }

  private emit(change: ConnectionChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
