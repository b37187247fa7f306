// Response shapes, checked where they enter the extension: anything that passes is safe to render.

export interface PhoneNumber {
  id: string;
  /** E.164 for PSTN, the SIP username for SIP_USERNAME. */
  number: string;
  /** Kept as sent: may be a type this extension does not know, or missing (older API versions). */
  type: string | undefined;
  agentId: string | null;
}

export interface Agent {
  id: string;
  name: string;
  /** Only ever shown as a description: a record without one is still a usable agent. */
  language: string | undefined;
}

/** A record of a page that could not be read: skipped, and reported with what it said of itself. */
export interface SkippedRecord {
  id: string | undefined;
  /** The record's `type`, when it is a string: the group it would have been shown in. */
  type: string | undefined;
  reason: string;
}

export interface Page<T> {
  data: T[];
  cursor: string | null;
  skipped: SkippedRecord[];
}

/** Thrown by the checks below; the client turns it into a `bad-response` error. */
export class ShapeError extends Error {}

type Checker<T> = (value: unknown, where: string) => T;

function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeError(`${where} should be an object`);
  }
  return value as Record<string, unknown>;
}

/** `where`, or its `field`: named only when a check fails, so that a record that passes costs no string. */
const at = (where: string, field: string | undefined) => (field === undefined ? where : `${where}.${field}`);

function text(value: unknown, where: string, field?: string): string {
  if (typeof value !== 'string') throw new ShapeError(`${at(where, field)} should be a string`);
  return value;
}

function nonEmpty(value: unknown, where: string, field?: string): string {
  const s = text(value, where, field);
  if (s === '') throw new ShapeError(`${at(where, field)} should not be empty`);
  return s;
}

/** Values many records share (types, agent ids), kept once: JSON.parse makes a new string per record for any of 10 characters or more. */
const shared = new Map<string, string>();
const SHARED_MAX = 1000;

function once(value: string): string {
  const known = shared.get(value);
  if (known !== undefined) return known;
  // Bounded: a workspace with more agents than this still works, only keeps more copies.
  if (shared.size >= SHARED_MAX) shared.clear();
  shared.set(value, value);
  return value;
}

export const phoneNumber: Checker<PhoneNumber> = (value, where) => {
  const o = record(value, where);
  const type = o.type === undefined || o.type === null ? undefined : once(text(o.type, where, 'type'));
  // An absent or empty agentId means "not linked": the API unlinks with "".
  const agentId = o.agentId === undefined || o.agentId === null || o.agentId === '' ? null : once(text(o.agentId, where, 'agentId'));
  return { id: nonEmpty(o.id, where, 'id'), number: nonEmpty(o.number, where, 'number'), type, agentId };
};

export const agent: Checker<Agent> = (value, where) => {
  const o = record(value, where);
  const language = o.language === undefined || o.language === null ? undefined : text(o.language, where, 'language');
  return { id: nonEmpty(o.id, where, 'id'), name: text(o.name, where, 'name'), language };
};

/**
 * A page's envelope is checked strictly (a wrong one is an error: reading it as the end would cap the
 * list), each record on its own: a record that fails its check is skipped, so one bad record cannot
 * block the listing.
 */
const ITEM = 'data[]';

export function page<T>(item: Checker<T>): Checker<Page<T>> {
  return (value, where) => {
    const o = record(value, where);
    if (!Array.isArray(o.data)) throw new ShapeError(`${where}.data should be a list`);
    if (!('cursor' in o)) throw new ShapeError(`${where}.cursor is missing`);
    const cursor = o.cursor === null ? null : nonEmpty(o.cursor, where, 'cursor');
    const data: T[] = [];
    const skipped: SkippedRecord[] = [];
    o.data.forEach((entry, i) => {
      try {
        data.push(item(entry, ITEM));
      } catch (error) {
        if (!(error instanceof ShapeError)) throw error;
        // Checked as "data[]": the record's index goes into the message only when it fails.
        const reason = error.message.startsWith(ITEM) ? `data[${i}]${error.message.slice(ITEM.length)}` : error.message;
        skipped.push({ id: field(entry, 'id'), type: field(entry, 'type'), reason });
      }
    });
    return { data, cursor, skipped };
  };
}

function field(entry: unknown, name: string): string | undefined {
  const value = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}
