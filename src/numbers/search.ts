// How a typed query matches a number: by its digits whatever the separators, or as text.

/** 0: exact, 1: prefix, 2: contains. */
export type Rank = 0 | 1 | 2;

export interface SearchQuery {
  /** Lower-cased, trimmed. Empty: everything matches. */
  text: string;
  /** The query's digits when it reads as a number (`(415) 555-01`, `+1 415 555`), else empty. */
  digits: string;
}

export function searchQuery(raw: string): SearchQuery {
  const text = raw.trim().toLowerCase();
  const digits = /^[\d\s()+\-./]*$/.test(text) ? text.replace(/\D/g, '') : '';
  return { text, digits };
}

export function rankOf(haystack: string, needle: string): Rank | undefined {
  if (needle === '') return undefined;
  if (haystack === needle) return 0;
  if (haystack.startsWith(needle)) return 1;
  return haystack.includes(needle) ? 2 : undefined;
}
