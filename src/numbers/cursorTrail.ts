import { VogentError } from '../vogent/errors';

/** Remembers every cursor a listing has handed out, so a server that repeats one cannot loop us forever. */
export class CursorTrail {
  private readonly seen = new Set<string>();

  /** Throws when `next` was already given; otherwise records it. */
  accept(next: string | null, what: string): void {
    if (next === null) return;
    if (this.seen.has(next)) {
      throw new VogentError(
        'bad-response',
        `Vogent repeated a page cursor while listing ${what}; loading stopped to avoid an endless loop.`,
      );
    }
    this.seen.add(next);
  }
}
