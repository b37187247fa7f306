// The search behind the pickers and the find tool: the first matches of a query over every loaded number,
// ranked exact, prefix, contains. A scan is kept and resumed: asked again for the same query once more
// pages have landed (a picker redraws as they do), only the new numbers are scanned.
import type { PhoneNumber } from '../vogent/shapes';
import { typeName, type AgentLookup } from './presentation';
import { better, rankOf, rankOfDigits, searchQuery, type Rank, type SearchQuery } from './search';

export interface SearchResult {
  /** The best matches, exact first, then prefix, then contains; each in API order. */
  matches: PhoneNumber[];
  /** How many numbers match in all. */
  total: number;
  /** How well the first match matches (0: exact); undefined when none does. */
  best: Rank | undefined;
}

export interface SearchOptions {
  limit: number;
  agents: AgentLookup;
  only?: (n: PhoneNumber) => boolean;
}

/** What a search reads of the index. Numbers are only ever appended; `revision` changes when one is replaced. */
export interface Searchable {
  readonly size: number;
  readonly revision: number;
  numberAt(at: number): PhoneNumber;
  /** The number's digits, or null when it is `+` and digits only (see rankOfDigits). */
  digitsAt(at: number): string | null;
}

interface Scan {
  q: SearchQuery;
  options: SearchOptions;
  agentsLoaded: boolean;
  revision: number;
  /** Positions scanned so far. */
  scanned: number;
  ranked: [PhoneNumber[], PhoneNumber[], PhoneNumber[]];
  total: number;
  /** Per agent and per type, computed once a scan: few of them, many numbers. null: no match. */
  agentRanks: Map<string | null, Rank | null>;
  typeRanks: Map<string | undefined, Rank | null>;
}

export class NumberSearch {
  private last: Scan | undefined;

  constructor(private readonly index: Searchable) {}

  search(query: string, options: SearchOptions): SearchResult {
    const q = searchQuery(query);
    const { index } = this;
    if (q.text === '' && !options.only) {
      const matches = Array.from({ length: Math.min(options.limit, index.size) }, (_, at) => index.numberAt(at));
      return { matches, total: index.size, best: index.size > 0 ? 0 : undefined };
    }
    const scan = this.resumable(q, options) ?? this.fresh(q, options);
    this.last = scan;
    for (; scan.scanned < index.size; scan.scanned++) {
      const number = index.numberAt(scan.scanned);
      if (scan.options.only && !scan.options.only(number)) continue;
      const rank = scan.q.text === '' ? 0 : rankAt(scan, number, index.digitsAt(scan.scanned));
      if (rank === undefined) continue;
      scan.total++;
      if (scan.ranked[rank].length < options.limit) scan.ranked[rank].push(number);
    }
    const best = scan.ranked.findIndex((ranked) => ranked.length > 0);
    return { matches: scan.ranked.flat().slice(0, options.limit), total: scan.total, best: best < 0 ? undefined : (best as Rank) };
  }

  /** The last scan, when it was of the same query over the same numbers, names and filter. */
  private resumable(q: SearchQuery, options: SearchOptions): Scan | undefined {
    const last = this.last;
    if (!last || last.q.text !== q.text || last.revision !== this.index.revision) return undefined;
    const same = last.options.limit === options.limit && last.options.agents === options.agents && last.options.only === options.only;
    return same && last.agentsLoaded === options.agents.loaded ? last : undefined;
  }

  private fresh(q: SearchQuery, options: SearchOptions): Scan {
    const { revision } = this.index;
    return { q, options, agentsLoaded: options.agents.loaded, revision, scanned: 0, ranked: [[], [], []], total: 0, agentRanks: new Map(), typeRanks: new Map() };
  }
}

function rankAt(scan: Scan, number: PhoneNumber, digits: string | null): Rank | undefined {
  const { q } = scan;
  let rank = better(rankOfDigits(digits, number.number, q.digits), rankOf(number.number.toLowerCase(), q.text));
  if (rank === 0) return rank;
  // Written nationally, the number is found inside its international digits.
  if (q.national !== '' && rankOfDigits(digits, number.number, q.national) !== undefined) rank = better(rank, 2);
  rank = better(rank, rankOf(number.id.toLowerCase(), q.text));
  let agent = scan.agentRanks.get(number.agentId);
  if (agent === undefined) scan.agentRanks.set(number.agentId, (agent = agentRank(number.agentId, q, scan.options.agents) ?? null));
  let type = scan.typeRanks.get(number.type);
  if (type === undefined) scan.typeRanks.set(number.type, (type = typeRank(number.type, q.text) ?? null));
  return better(better(rank, agent ?? undefined), type ?? undefined);
}

/** By the agent's name, or its id (also once the names are loaded, but not for digits: ids hold digits by chance). */
function agentRank(agentId: string | null, q: SearchQuery, agents: AgentLookup): Rank | undefined {
  if (agentId === null) return undefined;
  const name = agents.get(agentId)?.name.toLowerCase();
  const id = name !== undefined && q.digits !== '' ? undefined : rankOf(agentId.toLowerCase(), q.text);
  return better(name === undefined ? undefined : rankOf(name, q.text), id);
}

/** By the type as the API sends it (`sip_username`), or as the pickers show it (`SIP username`). */
function typeRank(type: string | undefined, text: string): Rank | undefined {
  return better(rankOf((type ?? '').toLowerCase(), text), rankOf(typeName(type).toLowerCase(), text));
}
