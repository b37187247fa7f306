// Which part of each group a view shows: a page after expanding, a page more per "Show more", the page
// around a revealed number, a page back per "Show earlier". It knows counts and positions, not rows.
import type { GroupKey } from './groups';

/** The part of a group on show: its numbers from `start` to before `end`, in API order. */
export interface Window {
  start: number;
  end: number;
}

/** What is loaded of a group. */
export interface GroupState {
  loaded: number;
  /** Every page is loaded. */
  complete: boolean;
  /** The last load failed. */
  failed: boolean;
}

/** The last row of a group: none once every number shows, the failure with Retry, or a row that shows more. */
export type LastRow = { kind: 'none' } | { kind: 'error' } | { kind: 'more'; hidden: number; loaded: number };

/** What a group shows: how many numbers "Show N earlier" brings back (0: no such row), its window, its last row. */
export interface WindowRows extends Window {
  earlier: number;
  last: LastRow;
}

export class GroupWindows {
  private readonly windows = new Map<GroupKey, Window>();

  constructor(private readonly pageSize: () => number) {}

  of(key: GroupKey): Window {
    return this.windows.get(key) ?? { start: 0, end: this.pageSize() };
  }

  /** "Show more": a page more once the window is full; a window not yet full stays, to be filled. Returns the window. */
  showMore(key: GroupKey, loaded: number): Window {
    const { start, end } = this.of(key);
    if (loaded >= end) this.windows.set(key, { start, end: end + this.pageSize() });
    return this.of(key);
  }

  /** "Show N earlier": the page before the window. */
  showEarlier(key: GroupKey): void {
    const { start, end } = this.of(key);
    this.windows.set(key, { start: Math.max(0, start - this.pageSize()), end });
  }

  /**
   * Brings the number at `position` (-1: not loaded) into the window: it grows by the page holding the number
   * when that page follows it, else moves to that page, so a number far down is never drawn with every one before.
   */
  reveal(key: GroupKey, position: number): void {
    const { start, end } = this.of(key);
    if (position < 0 || (position >= start && position < end)) return;
    const size = this.pageSize();
    const page = Math.floor(position / size) * size;
    this.windows.set(key, page === end ? { start, end: end + size } : { start: page, end: page + size });
  }

  /** A new listing: every group starts again from a page. */
  clear(): void {
    this.windows.clear();
  }

  rows(key: GroupKey, { loaded, complete, failed }: GroupState): WindowRows {
    const { start, end } = this.of(key);
    const earlier = Math.min(start, this.pageSize());
    if (loaded <= end && complete) return { start, end, earlier, last: { kind: 'none' } };
    if (loaded <= end && failed) return { start, end, earlier, last: { kind: 'error' } };
    return { start, end, earlier, last: { kind: 'more', hidden: loaded - end, loaded } };
  }
}
