import type { PhoneNumber } from '../vogent/shapes';
import { groupKeyOf, type GroupKey } from './groups';
import type { AgentLookup } from './presentation';
import { rankOf, searchQuery, type Rank, type SearchQuery } from './search';

export interface SearchResult {
  /** The best matches, exact first, then prefix, then contains; each in API order. */
  matches: PhoneNumber[];
  /** How many numbers match in all. */
  total: number;
}

/**
 * Every loaded number of one listing, kept in API order with the lookups every feature needs: by id,
 * by digits, by group and by agent, and counts of each. Adding a page costs O(page). One object per
 * number (the checked record) and its digits; no per-page copies.
 */
export class NumberIndex {
  private readonly numbers: PhoneNumber[] = [];
  private readonly digits: string[] = [];
  private readonly position = new Map<string, number>();
  private readonly byDigits = new Map<string, number>();
  private readonly byGroup = new Map<GroupKey, number[]>();
  private readonly byAgent = new Map<string | null, number[]>();
  /** The lengths ids have: a word of another length in a document cannot be one, and is not looked up. */
  readonly idLengths = new Set<number>();

  get size(): number {
    return this.numbers.length;
  }

  /** Adds a number, or replaces the one with its id in place (a repeated id stays where it was first seen). */
  put(number: PhoneNumber): void {
    const at = this.position.get(number.id);
    if (at !== undefined) return this.replace(at, number);
    const index = this.numbers.length;
    const digits = number.number.replace(/\D/g, '');
    this.numbers.push(number);
    this.digits.push(digits);
    this.position.set(number.id, index);
    this.idLengths.add(number.id.length);
    if (digits !== '' && !this.byDigits.has(digits)) this.byDigits.set(digits, index);
    push(this.byGroup, groupKeyOf(number), index);
    push(this.byAgent, number.agentId, index);
  }

  has(id: string): boolean {
    return this.position.has(id);
  }

  get(id: string): PhoneNumber | undefined {
    const at = this.position.get(id);
    return at === undefined ? undefined : this.numbers[at];
  }

  /** The number written with these digits, whatever its separators (`+1 415-555 0100`). */
  byNumber(text: string): PhoneNumber | undefined {
    const at = this.byDigits.get(text.replace(/\D/g, ''));
    return at === undefined ? undefined : this.numbers[at];
  }

  /** The number a person or a model means: its id, or its digits written in any format. */
  find(idOrNumber: string): PhoneNumber | undefined {
    const text = idOrNumber.trim();
    return this.get(text) ?? (/\d/.test(text) ? this.byNumber(text) : undefined);
  }

  groups(): GroupKey[] {
    return [...this.byGroup.keys()];
  }

  countIn(key: GroupKey): number {
    return this.byGroup.get(key)?.length ?? 0;
  }

  /** A window of a group, in API order: what a view shows, without copying the rest. */
  numbersIn(key: GroupKey, start = 0, end = Number.POSITIVE_INFINITY): PhoneNumber[] {
    return (this.byGroup.get(key) ?? []).slice(start, end).map((at) => this.numbers[at]);
  }

  /** Where the number stands in its group, in API order; -1 when it is not loaded. */
  positionInGroup(id: string): number {
    const at = this.position.get(id);
    return at === undefined ? -1 : (this.byGroup.get(groupKeyOf(this.numbers[at])) ?? []).indexOf(at);
  }

  /** How many numbers are linked to the agent (`null`: not linked). */
  countFor(agentId: string | null): number {
    return this.byAgent.get(agentId)?.length ?? 0;
  }

  /** The agent's numbers in API order. */
  numbersFor(agentId: string | null): PhoneNumber[] {
    return (this.byAgent.get(agentId) ?? []).map((at) => this.numbers[at]);
  }

  /** All numbers in API order. */
  all(): readonly PhoneNumber[] {
    return this.numbers;
  }

  /**
   * The first `limit` numbers matching `query` (digits whatever the separators, id, agent name, type),
   * ranked exact, prefix, contains, and how many match in all, without collecting the rest.
   */
  search(query: string, options: { limit: number; agents: AgentLookup; only?: (n: PhoneNumber) => boolean }): SearchResult {
    const q = searchQuery(query);
    if (q.text === '') return this.first(options.limit, options.only);
    const ranked: [PhoneNumber[], PhoneNumber[], PhoneNumber[]] = [[], [], []];
    const agentRanks = new Map<string | null, Rank | undefined>();
    let total = 0;
    for (let at = 0; at < this.numbers.length; at++) {
      const number = this.numbers[at];
      if (options.only && !options.only(number)) continue;
      const rank = this.rankAt(at, q, agentRanks, options.agents);
      if (rank === undefined) continue;
      total++;
      if (ranked[rank].length < options.limit) ranked[rank].push(number);
    }
    return { matches: ranked.flat().slice(0, options.limit), total };
  }

  /** An empty query: everything matches, in API order. */
  private first(limit: number, only: ((n: PhoneNumber) => boolean) | undefined): SearchResult {
    if (!only) return { matches: this.numbers.slice(0, limit), total: this.numbers.length };
    const matches: PhoneNumber[] = [];
    let total = 0;
    for (const number of this.numbers) {
      if (!only(number)) continue;
      total++;
      if (matches.length < limit) matches.push(number);
    }
    return { matches, total };
  }

  private rankAt(at: number, q: SearchQuery, agentRanks: Map<string | null, Rank | undefined>, agents: AgentLookup): Rank | undefined {
    const number = this.numbers[at];
    if (!agentRanks.has(number.agentId)) agentRanks.set(number.agentId, agentRank(number.agentId, q, agents));
    return best(rankOf(this.digits[at], q.digits), rankOf(number.number.toLowerCase(), q.text), rankOf(number.id.toLowerCase(), q.text), agentRanks.get(number.agentId), rankOf((number.type ?? '').toLowerCase(), q.text));
  }

  /** A number seen again (an update, or a repeated id): it keeps its place, and moves between lookups if it must. */
  private replace(at: number, number: PhoneNumber): void {
    const old = this.numbers[at];
    this.numbers[at] = number;
    if (groupKeyOf(old) !== groupKeyOf(number)) move(this.byGroup, groupKeyOf(old), groupKeyOf(number), at);
    if (old.agentId !== number.agentId) move(this.byAgent, old.agentId, number.agentId, at);
    if (old.number === number.number) return;
    if (this.byDigits.get(this.digits[at]) === at) this.byDigits.delete(this.digits[at]);
    this.digits[at] = number.number.replace(/\D/g, '');
    if (this.digits[at] !== '' && !this.byDigits.has(this.digits[at])) this.byDigits.set(this.digits[at], at);
  }

}

function agentRank(agentId: string | null, q: SearchQuery, agents: AgentLookup): Rank | undefined {
  if (agentId === null) return undefined;
  return rankOf(agents.get(agentId)?.name.toLowerCase() ?? agentId.toLowerCase(), q.text);
}

function best(...ranks: (Rank | undefined)[]): Rank | undefined {
  let found: Rank | undefined;
  for (const rank of ranks) if (rank !== undefined && (found === undefined || rank < found)) found = rank;
  return found;
}

function push<K>(map: Map<K, number[]>, key: K, at: number): void {
  const list = map.get(key);
  if (list) list.push(at);
  else map.set(key, [at]);
}

/** Moves a position from one list to another, keeping API order; an emptied list goes. */
function move<K>(map: Map<K, number[]>, from: K, to: K, at: number): void {
  const list = map.get(from) ?? [];
  list.splice(list.indexOf(at), 1);
  if (list.length === 0) map.delete(from);
  const target = map.get(to) ?? [];
  let i = target.length;
  while (i > 0 && target[i - 1] > at) i--;
  target.splice(i, 0, at);
  map.set(to, target);
}
