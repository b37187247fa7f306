import { AgentDirectory } from '../numbers/agentDirectory';
import type { GroupKey } from '../numbers/groups';
import { NumberPages } from '../numbers/numberPages';
import type { VogentClient } from '../vogent/client';
import { isVogentError, rejectsKey } from '../vogent/errors';
import type { PhoneNumber, SkippedRecord } from '../vogent/shapes';
import { difference, type ListingChange } from './listingChange';

export type { ListingChange } from './listingChange';

export interface ListingHooks {
  /** A page landed or failed, or the agent names landed, on the listing now shown; `redraw`: groups whose loaded numbers changed. */
  changed(redraw?: readonly GroupKey[]): void;
  /** For the log: each record the API sent that could not be read. */
  warn(message: string): void;
  /** For the log: a failed call, with what it was doing. */
  error(what: string, error: unknown): void;
  /** Vogent rejected this listing's key. */
  rejected(): void;
}

interface Reload {
  next: NumberPages;
  agents: AgentDirectory | undefined;
  /** Links and unlinks made while the reload ran: newer than what it read. */
  edits: Map<string, PhoneNumber>;
  /** Settles when the reload has ended, swapped in or not. */
  ended: Promise<void>;
}

/** The key, read when the first request goes out and kept: one listing, one key. A failed read (a locked keyring) is not kept. */
export function readOnce(read: () => Promise<string | undefined>): () => Promise<string | undefined> {
  let key: Promise<string | undefined> | undefined;
  return () => (key ??= read().catch((error: unknown) => ((key = undefined), Promise.reject(error))));
}

/**
 * What is loaded under one API key and one set of settings: the client, the numbers, the agent names,
 * and whether Vogent rejected the key. A key or settings change replaces the whole listing.
 */
export class Listing {
  private shown!: NumberPages;
  private names: AgentDirectory;
  private reloading: Reload | undefined;
  /** Aborted while a reload runs. */
  private reloadRuns = new AbortController();
  private stopListening = (): void => undefined;
  /** Vogent answered that this key is not accepted: nothing more is sent under it. */
  rejected = false;
  private disposed = false;

  constructor(
    private readonly client: VogentClient,
    private readonly paging: { pageSize: number; maxPages: () => number },
    private readonly hooks: ListingHooks,
  ) {
    this.show(this.newPages());
    this.names = this.newAgents();
  }

  get pages(): NumberPages {
    return this.shown;
  }

  get agents(): AgentDirectory {
    return this.names;
  }

  /** The agents an action waits for: while a refresh reloads names that failed, that reload's, so none is fetched twice. */
  get agentsToLoad(): AgentDirectory {
    return (this.names.error && this.reloading?.agents) || this.names;
  }

  /**
   * `signal`, also aborted when a reload starts or while one runs: a load of every page then gives up its page
   * in flight, which the reload reads again, and waits for `reloadEnded` instead of chasing the reload.
   */
  untilReload(signal: AbortSignal): AbortSignal {
    return AbortSignal.any([signal, this.reloadRuns.signal]);
  }

  reloadEnded(): Promise<void> {
    return this.reloading?.ended ?? Promise.resolve();
  }

  /** The agent names unless loaded (or failed, without `retry`); views hear when they land. */
  loadNames(retry: boolean): Promise<unknown> | undefined {
    const agents = this.agentsToLoad;
    if (agents.loaded || (agents.error && !retry)) return undefined;
    return agents.load().then(() => !this.disposed && this.hooks.changed(), (error: unknown) => this.failed('Loading agent names', error));
  }

  /** Links (or with `null` unlinks) a number; what the server answers is shown at once and outlives a reload in flight. */
  async setAgent(id: string, agentId: string | null): Promise<PhoneNumber> {
    const updated = await this.client.setAgent(id, agentId);
    this.reloading?.edits.set(updated.id, updated);
    this.shown.update(updated);
    return updated;
  }

  /**
   * Loads the listing again from the first page, at least as far as the one shown (including rows a
   * "Load more…" adds meanwhile), then shows it in one step. Agent names are reloaded if they were asked for.
   */
  async reload(): Promise<ListingChange> {
    let end = (): void => undefined;
    const ended = new Promise<void>((resolve) => (end = resolve));
    const reload: Reload = { next: this.newPages(), agents: undefined, edits: new Map(), ended };
    // Names being loaded again after a failure (a picker asked) are not fetched a second time: that load lands here.
    if (this.names.loaded || (this.names.error && !this.names.inFlight)) reload.agents = this.newAgents();
    this.reloading = reload;
    this.reloadRuns.abort();
    try {
      // Names are a nicety: their failure is logged and does not fail the refresh.
      const names = reload.agents?.load().catch((error: unknown) => this.failed('Refreshing agent names', error));
      await this.loadAsFarAsShown(reload.next);
      await names;
    } catch (error) {
      reload.next.dispose();
      reload.agents?.dispose();
      throw error;
    } finally {
      this.reloading = undefined;
      this.reloadRuns = new AbortController();
      end();
    }
    for (const edit of reload.edits.values()) reload.next.update(edit);
    // Names loaded before outlive a reload of them that failed: they are likely still right, and the failure is logged.
    const fresh = reload.agents?.error && this.names.loaded ? undefined : reload.agents;
    const change = difference(this.shown, reload.next, this.names, fresh);
    this.show(reload.next);
    if (fresh) [this.names, reload.agents] = [fresh, this.names];
    reload.agents?.dispose();
    return change;
  }

  /** Logs a failure and returns it; one that rejects the key marks the listing. A cancelled load (replaced) is not a failure. */
  failed(what: string, error: unknown): unknown {
    if (isVogentError(error, 'cancelled')) return error;
    this.hooks.error(what, error);
    if (rejectsKey(error) && !this.disposed && !this.rejected) {
      this.rejected = true;
      this.hooks.rejected();
    }
    return error;
  }

  dispose(): void {
    this.disposed = true;
    this.stopListening();
    this.shown.dispose();
    this.names.dispose();
    this.reloading?.next.dispose();
    this.reloading?.agents?.dispose();
  }

  private async loadAsFarAsShown(next: NumberPages): Promise<void> {
    const covers = () => this.shown.groups().every((key) => next.countIn(key) >= this.shown.countIn(key));
    for (;;) {
      await next.loadUntil(covers);
      await this.shown.idle();
      if (next.complete || covers()) return;
    }
  }

  private show(pages: NumberPages): void {
    const old = this.shown as NumberPages | undefined;
    this.stopListening();
    this.shown = pages;
    this.stopListening = pages.onDidChange((redraw) => this.hooks.changed(redraw));
    old?.dispose();
  }

  private newPages(): NumberPages {
    return new NumberPages(async (cursor, signal) => {
      const page = await this.client.listPhoneNumbers({ limit: this.paging.pageSize, cursor, signal });
      for (const record of page.skipped) this.hooks.warn(skippedMessage('phone number', record));
      return page;
    }, this.paging.pageSize, this.paging.maxPages);
  }

  private newAgents(): AgentDirectory {
    return new AgentDirectory(async (cursor, signal) => {
      const page = await this.client.listAgents({ limit: 100, cursor, signal });
      for (const record of page.skipped) this.hooks.warn(skippedMessage('agent', record));
      return page;
    });
  }
}

function skippedMessage(what: string, record: SkippedRecord): string {
  return `Skipped a ${what}${record.id ? ` (${record.id})` : ''} that could not be read: ${record.reason}`;
}
