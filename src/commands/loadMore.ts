import type { GroupKey } from '../numbers/groups';
import type { PhoneNumbersProvider } from '../tree/phoneNumbersProvider';
import { LoadMoreItem } from '../tree/loadMoreItem';

/** Internal: the "Load more…" item's command, with the group's key (or the item, from a menu). */
export function loadMore(provider: PhoneNumbersProvider) {
  return async (target?: GroupKey | LoadMoreItem): Promise<void> => {
    const key = target instanceof LoadMoreItem ? target.key : target;
    if (typeof key === 'string') await provider.loadMore(key);
  };
}
