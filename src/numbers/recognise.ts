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

/** A plus, then digits with single spaces, dots, hyphens or brackets between them. */
const WRITTEN = /\+[\d .\-()]{7,24}/g;
const WORD = /[A-Za-z0-9_][A-Za-z0-9_-]{2,63}/g;

/** Every mention of a number in `text`, in order. Digits inside a longer run of digits are not a number. */
export function mentionsIn(text: string, index: NumberIndex): NumberMention[] {
  const found: NumberMention[] = [];
  for (const match of text.matchAll(WRITTEN)) {
    const mention = writtenNumber(text, match.index, match[0], index);
    if (mention) found.push(mention);
  }
  if (index.size > 0) {
    for (const match of text.matchAll(WORD)) {
      const number = index.get(match[0]);
      if (number && !/[\w-]/.test(text[match.index - 1] ?? '')) {
        found.push({ start: match.index, end: match.index + match[0].length, key: match[0], kind: 'id', number });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether a line could hold a written number at all: the cheap test before scanning. */
export function mayMentionNumber(text: string): boolean {
  return /\+\s?\d/.test(text);
}

function writtenNumber(text: string, start: number, raw: string, index: NumberIndex): NumberMention | undefined {
  const written = raw.replace(/[ .\-()]+$/, '');
  const end = start + written.length;
  const digits = written.replace(/\D/g, '');
  const before = text[start - 1] ?? '';
  if (/[\w+]/.test(before) || /\d/.test(text[end] ?? '')) return undefined;
  if (digits.length < 8 || digits.length > 15 || /[ .\-()]{3}|\s\s|\d\s\d\s\d\s\d/.test(written)) return undefined;
  return { start, end, key: digits, kind: 'number', number: index.byNumber(digits) };
}
