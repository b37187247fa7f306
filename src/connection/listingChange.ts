// What a reload changed, for the views to redraw only that.
import type { AgentDirectory } from '../numbers/agentDirectory';
import type { GroupKey } from '../numbers/groups';
import type { NumberPages } from '../numbers/numberPages';
import type { PhoneNumber } from '../vogent/shapes';

/** What changed: everything (the groups themselves may differ), or the rows of some groups beyond their counts. */
export interface ListingChange {
  readonly all: boolean;
  readonly groups: readonly GroupKey[];
}

/** Which groups a reload changed: their keys, their numbers, or (when agent names changed) every row. */
export function difference(before: NumberPages, after: NumberPages, names: AgentDirectory, newNames: AgentDirectory | undefined): ListingChange {
  const keys = after.groups();
  const errorsChanged = before.error !== undefined || newNames?.error !== names.error;
  if (errorsChanged || keys.join('\n') !== before.groups().join('\n')) return { all: true, groups: keys };
  const renamed = newNames !== undefined && JSON.stringify(newNames.list()) !== JSON.stringify(names.list());
  return { all: false, groups: renamed ? keys : keys.filter((key) => !sameRows(before.numbersIn(key), after.numbersIn(key))) };
}

/** Compared field by field: no text is built for the numbers of a whole group. */
function sameRows(a: PhoneNumber[], b: PhoneNumber[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((n, i) => n.id === b[i].id && n.number === b[i].number && n.type === b[i].type && n.agentId === b[i].agentId);
}
