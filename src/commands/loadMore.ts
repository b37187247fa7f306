import type { VogentConnection } from '../connection/vogentConnection';
import type { GroupKey } from '../numbers/groups';

/** Internal: the command of a group's "Load more…" and "Retry" items, with the group's key. */
export function loadMore(connection: VogentConnection) {
  return async (key?: GroupKey): Promise<void> => {
    if (typeof key === 'string') await connection.loadMore(key);
  };
}
