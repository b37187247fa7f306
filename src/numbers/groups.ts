import type { PhoneNumber } from '../vogent/shapes';

/** A group's key is the number's type as the API sent it; numbers sent without one share the key ''. */
export type GroupKey = string;

export const UNTYPED: GroupKey = '';
const KNOWN_ORDER: GroupKey[] = ['PSTN', 'SIP_USERNAME'];

export function groupKeyOf(number: PhoneNumber): GroupKey {
  return number.type ?? UNTYPED;
}

/** PSTN, then SIP usernames, then types this extension does not know by name, then untyped numbers. */
export function compareGroupKeys(a: GroupKey, b: GroupKey): number {
  const rank = (key: GroupKey) => {
    const known = KNOWN_ORDER.indexOf(key);
    if (known >= 0) return known;
    return key === UNTYPED ? KNOWN_ORDER.length + 1 : KNOWN_ORDER.length;
  };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

export const KNOWN_GROUPS: readonly GroupKey[] = KNOWN_ORDER;
