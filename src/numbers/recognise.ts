// Finding a workspace's numbers in any text: E.164 numbers written with or without separators, and
// number ids. Vogent documents no id format, so an id is any word that the index knows.
import type { PhoneNumber } from '../vogent/shapes';
import type { NumberIndex } from './numberIndex';

export interface NumberMention {
  /** Offsets in the text searched. */
  start: number;
  end: number;
  /** The number's digits (for a written number) or the id as written. */
  key: string;
  kind: 'number' | 'id';
  /** The workspace's number, when the index has it. */
  number: PhoneNumber | undefined;
}

/** A plus and a digit (a sum such as `t + 86400000` is not a number), then digits with single spaces, dots, hyphens or brackets between them. */
const WRITTEN = /\+\d[\d .\-()]{6,23}/g;

/** Every mention of a number in `text`, in order. Digits inside a longer run of digits are not a number. */
export function mentionsIn(text: string, index: NumberIndex): NumberMention[] {
  const found: NumberMention[] = [];
  const written = text.includes('+') ? text.matchAll(WRITTEN) : [];
  for (const match of written) {
    const mention = writtenNumber(text, match.index, match[0], index);
    if (mention) found.push(mention);
  }
  if (index.size > 0) idsIn(text, index, found);
  return found.sort((a, b) => a.start - b.start);
}

function writtenNumber(text: string, start: number, raw: string, index: NumberIndex): NumberMention | undefined {
  const written = raw.replace(/[ .\-()]+$/, '');
  const end = start + written.length;
  const digits = written.replace(/\D/g, '');
  const before = text[start - 1] ?? '';
  if (/[\w+]/.test(before) || /\d/.test(text[end] ?? '')) return undefined;
  if (digits.length < 8 || digits.length > 15 || /[ .\-()]{3}|\s\s|\d\s\d\s\d\s\d/.test(written)) return undefined;
  // A date such as +2024-01-15 is not a phone number.
  if (/^\+\d{4}-\d{2}-\d{2}$/.test(written)) return undefined;
  return { start, end, key: digits, kind: 'number', number: index.byNumber(digits) };
}

/**
 * Words that are ids of the index. Walks the text by hand rather than with a regular expression: a file
 * has many words and few ids, and a word of a length no id has is skipped without being cut out.
 */
function idsIn(text: string, index: NumberIndex, found: NumberMention[]): void {
  let i = 0;
  while (i < text.length) {
    while (i < text.length && !isWordCharacter(text.charCodeAt(i))) i++;
    const start = i;
    while (i < text.length && (isWordCharacter(text.charCodeAt(i)) || text.charCodeAt(i) === 45)) i++;
    if (i - start < 3 || !index.idLengths.has(i - start) || text.charCodeAt(start - 1) === 45) continue;
    const word = text.slice(start, i);
    const number = index.get(word);
    if (number) found.push({ start, end: i, key: word, kind: 'id', number });
  }
}

/** A-Z, a-z, 0-9 and _ (a word may also hold hyphens, but not start with one). */
function isWordCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}
