import type { SkippedRecord } from './shapes';

export type VogentErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'invalid-request'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'bad-response'
  | 'cancelled'
  | 'insecure-base-url';

/** The one error the client throws. `message` is short, human, and safe to show. */
export class VogentError extends Error {
  override readonly name = 'VogentError';
  readonly kind: VogentErrorKind;
  readonly status: number | undefined;
  /** Method and path of the call that failed, for the log. */
  readonly request: string | undefined;

  constructor(kind: VogentErrorKind, message: string, options: { status?: number; request?: string } = {}) {
    super(message);
    this.kind = kind;
    this.status = options.status;
    this.request = options.request;
  }
}

export function cancelled(): VogentError {
  return new VogentError('cancelled', 'The request was cancelled.');
}

export function isVogentError(value: unknown, kind?: VogentErrorKind): value is VogentError {
  return value instanceof VogentError && (kind === undefined || value.kind === kind);
}

/**
 * A 401, or a 403 on the listing itself: Vogent does not accept the key, and nothing more is sent under it.
 * Vogent's answer only: a key found missing here (deleted in another window) was never sent.
 */
export function rejectsKey(error: unknown): boolean {
  return (isVogentError(error, 'unauthorized') && error.status === 401) || (isVogentError(error, 'forbidden') && error.request === 'GET /phone_numbers');
}

const MAX_DETAIL = 200;

/**
 * The human part of an error body: the first string among `message`, `error`, `detail`
 * when the body is JSON, else the text itself, shortened. HTML pages yield nothing. `clean` runs on
 * the text before it is shortened: a key cut in half would no longer be found by `redact`.
 */
export function detailFromBody(body: unknown, clean: (text: string) => string = (text) => text): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') {
    const text = body.trim();
    if (text === '') return undefined;
    try {
      return detailFromBody(JSON.parse(text) as unknown, clean) ?? undefined;
    } catch {
      if (/^<(!doctype|html|\?xml|head|body)/i.test(text) || /<\/(html|body)>/i.test(text)) return undefined;
      return shorten(clean(text.replace(/\s+/g, ' ')));
    }
  }
  if (typeof body === 'object') {
    const record = body as Record<string, unknown>;
    for (const field of ['message', 'error', 'detail']) {
      const value = record[field];
      if (typeof value === 'string' && value.trim() !== '') return shorten(clean(value.trim()));
    }
  }
  return undefined;
}

function shorten(text: string): string {
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
}

/** Removes every occurrence of the key from a message that a server (or a URL) may have echoed. */
export function redact(message: string, secret: string | undefined): string {
  if (!secret) return message;
  return message.split(secret).join('•••');
}

/** A skipped record is logged by what it said of itself, which may echo anything, the key too. */
export function withoutKey<T>(value: T, apiKey: string): T {
  const { skipped } = value as { skipped?: SkippedRecord[] };
  if (!skipped) return value;
  const clean = (text: string | undefined) => (text === undefined ? undefined : redact(text, apiKey));
  return { ...value, skipped: skipped.map((r) => ({ id: clean(r.id), type: clean(r.type), reason: r.reason })) };
}
