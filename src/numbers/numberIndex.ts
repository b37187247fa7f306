import type { PhoneNumber } from '../vogent/shapes';
import { groupKeyOf, type GroupKey } from './groups';
import { NumberSearch, type SearchOptions, type SearchResult, type Searchable } from './numberSearch';
import { digitsOf, isPlusDigits } from './search';

export type { SearchResult } from './numberSearch';

/**
 * Every loaded number of one listing in API order, with lookups by id, digits, group and agent, and counts of
 * each; adding a page costs O(page). One object per number (the checked record), digits kept only when its
 * text is not E.164 (`+` and digits, its own key). No per-page copies.
 */
export class NumberIndex implements Searchable {
  private readonly numbers: PhoneNumber[] = [];
  /** null: the number is `+` and its digits; "": a name with letters (see digitsOf). */
  private readonly digits: (string | null)[] = [];
  private readonly position = new Map<string, number>();
  /** By digitKey, built on first use (a lookup of text). */
  private byDigits: Map<string, number> | undefined;
  private readonly searcher = new NumberSearch(this);
  private replaced = 0;
  private readonly byGroup = new Map<GroupKey, number[]>();
  private readonly byAgent = new Map<string | null, number[]>();
  /** The lengths ids have: a word of another length in a document cannot be one, and is not looked up. */
  readonly idLengths = new Set<number>();

  get size(): number {
    return this.numbers.length;
  }

  /** Changes whenever a loaded number is replaced (new ones are only appended). */
  get revision(): number {
    return this.replaced;
  }

  numberAt(at: number): PhoneNumber {
    return this.numbers[at];
  }

  digitsAt(at: number): string | null {
    return this.digits[at];
  }

  /** Adds a number, or replaces the one with its id in place (a repeated id stays where it was first seen); returns the number it replaced. */
  put(number: PhoneNumber): PhoneNumber | undefined {
    const at = this.position.get(number.id);
    // The same record again (pages that overlap) changes nothing: a picker's search goes on from where it was.
    if (at !== undefined) return same(this.numbers[at], number) ? undefined : this.replace(at, number);
    const index = this.numbers.length;
    this.numbers.push(number);
    this.digits.push(isPlusDigits(number.number) ? null : digitsOf(number.number));
    this.position.set(number.id, index);
    this.idLengths.add(number.id.length);
    this.fileDigits(index);
    push(this.byGroup, groupKeyOf(number), index);
    push(this.byAgent, number.agentId, index);
    return undefined;
  }

  has(id: string): boolean {
    return this.position.has(id);
  }

  get(id: string): PhoneNumber | undefined {
    const at = this.position.get(id);
    return at === undefined ? undefined : this.numbers[at];
  }

  /** The number written with these digits, whatever its separators (`+1 415-555 0100`); a name, by its text, else its digits as E.164 (`tel:+1…`). */
  byNumber(text: string): PhoneNumber | undefined {
    const digits = digitsOf(text);
    const at = digits === '' ? (this.atKey(text) ?? this.atKey(`+${text.replace(/\D/g, '')}`)) : this.atDigits(digits);
    return at === undefined ? undefined : this.numbers[at];
  }

  /**
   * The number a person or a model means: its id, or its digits written in any format, also nationally
   * (`(212) 698-7091`, `020 9721 0912`) when exactly one E.164 number ends with those digits.
   */
  find(idOrNumber: string): PhoneNumber | undefined {
    const text = idOrNumber.trim();
    return this.get(text) ?? this.byNumber(text) ?? this.byNationalDigits(digitsOf(text).replace(/^0+/, ''));
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
   * The first `limit` numbers matching `query` (digits whatever the separators, id, agent name, type), ranked exact,
   * prefix, contains, and how many match in all, without collecting the rest; asked again, only new numbers are scanned.
   */
  search(query: string, options: SearchOptions): SearchResult {
    return this.searcher.search(query, options);
  }

  /** A scan, for a number typed or asked for once, never for each line of a document. */
  private byNationalDigits(digits: string): PhoneNumber | undefined {
    if (digits.length < 7) return undefined;
    let found: PhoneNumber | undefined;
    for (let at = 0; at < this.numbers.length; at++) {
      const { number } = this.numbers[at];
      if (this.digits[at] !== null || number.length <= digits.length + 1 || !number.endsWith(digits)) continue;
      if (found) return undefined;
      found = this.numbers[at];
    }
    return found;
  }

  /** A number seen again (an update, or a repeated id): it keeps its place, and moves between lookups if it must. */
  private replace(at: number, number: PhoneNumber): PhoneNumber {
    const old = this.numbers[at];
    this.numbers[at] = number;
    this.replaced++;
    if (groupKeyOf(old) !== groupKeyOf(number)) move(this.byGroup, groupKeyOf(old), groupKeyOf(number), at);
    if (old.agentId !== number.agentId) move(this.byAgent, old.agentId, number.agentId, at);
    if (old.number === number.number) return old;
    const oldKey = digitKey(old.number, this.digits[at]);
    if (this.byDigits?.get(oldKey) === at) this.byDigits.delete(oldKey);
    this.digits[at] = isPlusDigits(number.number) ? null : digitsOf(number.number);
    this.fileDigits(at);
    return old;
  }

  /** Files the number at `at` by its digits, unless a number filed the same way came first (see atDigits). */
  private fileDigits(at: number): void {
    const key = digitKey(this.numbers[at].number, this.digits[at]);
    if (this.byDigits && key !== '' && !this.byDigits.has(key)) this.byDigits.set(key, at);
  }

  /** The first number with these digits, filed by its E.164 text or by its digits. */
  private atDigits(digits: string): number | undefined {
    const [plus, other] = [this.atKey(`+${digits}`), this.atKey(digits)];
    return plus === undefined || (other !== undefined && other < plus) ? other : plus;
  }

  private atKey(key: string): number | undefined {
    if (!this.byDigits) {
      this.byDigits = new Map();
      for (let at = 0; at < this.numbers.length; at++) this.fileDigits(at);
    }
    return key === '' ? undefined : this.byDigits.get(key);
  }
}

function same(a: PhoneNumber, b: PhoneNumber): boolean {
  return a.number === b.number && a.type === b.type && a.agentId === b.agentId;
}

/** The key a number is filed under: its own text when it is `+` and digits, its digits when it reads as a number, else its text (a name). */
function digitKey(number: string, digits: string | null): string {
  return digits === null || digits === '' ? number : digits;
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
