import { VogentError } from '../vogent/errors';

/** Pages a listing may load unless the user's vogent.maxPages says otherwise: a million numbers at the default page size. */
export const DEFAULT_MAX_PAGES = 10_000;

/** However many pages are allowed, a listing stops past this many records (repeated ones included). */
export const MAX_RECORDS = 1_000_000;

/**
 * Remembers every cursor a listing has handed out and how much it has sent, so a server that repeats
 * a cursor, or hands out fresh ones forever, cannot loop us or fill memory.
 */
export class CursorTrail {
  private readonly seen = new Set<string>();
  private pages = 0;
  private records = 0;

  constructor(
    private readonly what: string,
    private readonly maxPages: () => number = () => DEFAULT_MAX_PAGES,
  ) {}

  /** Throws when `next` was already given, or when this page takes the listing past its limits; otherwise records it. */
  accept(next: string | null, records: number): void {
    const [pages, total] = [this.pages + 1, this.records + records];
    if (total > MAX_RECORDS || pages > this.maxPages()) throw this.tooLong(pages, total);
    if (next !== null && this.seen.has(next)) {
      throw new VogentError(
        'bad-response',
        `Vogent repeated a page cursor while listing ${this.what}; loading stopped to avoid an endless loop.`,
      );
    }
    if (next !== null) this.seen.add(next);
    [this.pages, this.records] = [pages, total];
  }

  private tooLong(pages: number, records: number): VogentError {
    const sent = `${pages.toLocaleString('en-US')} pages (${records.toLocaleString('en-US')} records)`;
    const limit = records > MAX_RECORDS ? `${MAX_RECORDS.toLocaleString('en-US')} records` : `the vogent.maxPages setting (${this.maxPages().toLocaleString('en-US')})`;
    return new VogentError('bad-response', `Vogent sent ${sent} of ${this.what} and was still sending more; loading stopped at ${limit}.`);
  }
}
