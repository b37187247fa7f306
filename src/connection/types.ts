// What a connection is made of and what it tells, apart from how it works.
import type { VogentClient } from '../vogent/client';
import type { ListingChange } from './listing';

export type ConnectionStatus = 'no-key' | 'rejected' | 'ready';
export type ConnectionChange = ListingChange;

/** Where the connection's key comes from. */
export interface KeySource {
  readonly hasKey: boolean;
  get(): Promise<string | undefined>;
}

export interface ConnectionOptions {
  key: KeySource;
  /** A client for the current settings, sending the given key. */
  client(apiKey: () => Promise<string | undefined>): VogentClient;
  pageSize(): number;
  /** Pages a listing may load before it stops (a server that never ends). Read at each page: raised, Retry goes on. */
  maxPages(): number;
  log: { warn(message: string): void; error(what: string, error: unknown): void };
}

