// How a typed query matches a number: by its digits whatever the separators, or as text.

/** 0: exact, 1: prefix, 2: contains. */
export type Rank = 0 | 1 | 2;

export interface SearchQuery {
  /** Lower-cased, trimmed. Empty: everything matches. */
  text: string;
  /** The query's digits when it reads as a number (`(415) 555-01`, `+1 415 555`), else empty. */
  digits: string;
  /** A number written nationally (`020 9721 0912`): its digits after the trunk zero, else empty. */
  national: string;
}

export function searchQuery(raw: string): SearchQuery {
  const text = raw.trim().toLowerCase();
  const digits = digitsOf(text);
  return { text, digits, national: /^0\d{6,}$/.test(digits) ? digits.replace(/^0+/, '') : '' };
}

/**
 * The digits of text that reads as a number (digits and the separators people write), else "". A name
 * with letters (`desk-415`, a SIP username) is matched as text: its digits alone do not make it a number.
 */
export function digitsOf(text: string): string {
  return /^[\d\s()+\-./]*$/.test(text) ? text.replace(/\D/g, '') : '';
}

export function rankOf(haystack: string, needle: string): Rank | undefined {
  if (needle === '') return undefined;
  if (haystack === needle) return 0;
  if (haystack.startsWith(needle)) return 1;
  return haystack.includes(needle) ? 2 : undefined;
}

/**
 * How a number's digits match `needle`. `digits` is null when the number is written `+` and its digits
 * only (E.164): its text is then matched from its second character, and no copy of its digits is kept.
 */
export function rankOfDigits(digits: string | null, number: string, needle: string): Rank | undefined {
  if (digits !== null) return rankOf(digits, needle);
  if (needle === '') return undefined;
  if (number.startsWith(needle, 1)) return number.length - 1 === needle.length ? 0 : 1;
  return number.includes(needle, 1) ? 2 : undefined;
}

/** The better (lower) of two ranks. */
export function better(a: Rank | undefined, b: Rank | undefined): Rank | undefined {
  return a === undefined || (b !== undefined && b < a) ? b : a;
}

/** `+` then digits only: E.164 as the API sends it. Such a number's digits are its text from the second character. */
export function isPlusDigits(text: string): boolean {
  if (text.length < 2 || text.charCodeAt(0) !== 43) return false;
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}
