import type { GroupKey } from '../numbers/groups';
import type { PhoneNumbersProvider } from '../tree/phoneNumbersProvider';

/** Internal: the command of a group's "Load more…" and "Retry" items, with the group's key and workspace. */
export function loadMore(provider: PhoneNumbersProvider) {
  return async (key?: GroupKey, workspaceId?: unknown): Promise<void> => {
    if (typeof key === 'string') await provider.showMore(key, typeof workspaceId === 'string' ? workspaceId : undefined);
  };
}

/** Internal: the command of a group's "Show N earlier" item. */
export function showEarlier(provider: PhoneNumbersProvider) {
  return (key?: GroupKey, workspaceId?: unknown): void => {
    if (typeof key === 'string') provider.showEarlier(key, typeof workspaceId === 'string' ? workspaceId : undefined);
  };
}
