import ky, { isHTTPError, isTimeoutError, type KyInstance } from 'ky';
import { checkBaseUrl } from './baseUrl';
import { VogentError, cancelled, detailFromBody, redact, withoutKey } from './errors';
import { retryAfterSeconds, statusError } from './statusError';
import { BodyTimeout, ERROR_BODY_LIMIT, bounded, readText, timedFetch } from './transport';
import { ShapeError, agent, page, phoneNumber, type Agent, type Page, type PhoneNumber } from './shapes';

export interface ClientOptions {
  baseUrl: string;
  /** Asked before every call, so a replaced key takes effect at once. */
  apiKey: () => Promise<string | undefined>;
  userAgent: string;
  /** Per attempt; read for each request, so a changed setting applies at once. */
  timeoutMs?: number | (() => number);
  /** Retries of a 429/5xx or network failure. */
  retryLimit?: number;
  /** A Retry-After longer than this is not waited for: the call fails as rate-limited instead. */
  maxRetryAfterMs?: number;
  /** Called once per HTTP attempt, for the log. Carries no header and no body. */
  onExchange?: (exchange: Exchange) => void;
}

export interface Exchange {
  method: string;
  /** Path and query, relative to the base URL. */
  path: string;
  status: number | undefined;
  durationMs: number;
  error?: string;
}

export interface PageRequest {
  limit?: number;
  cursor?: string;
  signal?: AbortSignal;
}

interface Call {
  method: 'get' | 'put';
  path: string;
  searchParams?: Record<string, string | number | undefined>;
  json?: unknown;
  signal: AbortSignal | undefined;
}

const UNSENDABLE_KEY = 'This key has a character that cannot be sent: a space, or an invisible or non-ASCII character picked up while copying. Copy the key again from the Vogent dashboard.';

export class VogentClient {
  private readonly http: KyInstance;
  private readonly base: URL | VogentError;

  constructor(private readonly options: ClientOptions) {
    this.base = tryCheckBaseUrl(options.baseUrl);
    const base = this.base instanceof URL ? this.base : undefined;
    this.http = ky.create({
      prefixUrl: base?.href,
      timeout: this.timeoutMs,
      headers: { 'User-Agent': options.userAgent, Accept: 'application/json' },
      // Never follow a redirect: it could lead to a plain-http host, and its answer would be trusted.
      redirect: 'error',
      retry: {
        limit: options.retryLimit ?? 2,
        // Also caps waits asked for by rate-limit headers other than Retry-After.
        maxRetryAfter: options.maxRetryAfterMs ?? 30_000,
        methods: ['get', 'put'],
        statusCodes: [429, 500, 502, 503, 504],
        afterStatusCodes: [429, 500, 502, 503, 504],
        backoffLimit: 5_000,
        shouldRetry: ({ error }) => (waitTooLong(error, options.maxRetryAfterMs ?? 30_000) ? false : undefined),
      },
      hooks: {
        beforeRequest: [
          (request, o) => {
            request.headers.set('Authorization', `Bearer ${String(o.context.apiKey)}`);
          },
        ],
      },
      fetch: base ? timedFetch(base, options.onExchange) : undefined,
    });
  }

  listPhoneNumbers(request: PageRequest = {}): Promise<Page<PhoneNumber>> {
    const { limit, cursor, signal } = request;
    return this.call({ method: 'get', path: 'phone_numbers', searchParams: { limit, cursor }, signal }, page(phoneNumber));
  }

  getPhoneNumber(id: string, signal?: AbortSignal): Promise<PhoneNumber> {
    return this.call({ method: 'get', path: `phone_numbers/${encodeURIComponent(id)}`, signal }, phoneNumber);
  }

  /** Links the number to `agentId`; `null` unlinks (sent as `""`, as the API requires). */
  setAgent(id: string, agentId: string | null, signal?: AbortSignal): Promise<PhoneNumber> {
    const json = { agentId: agentId ?? '' };
    return this.call({ method: 'put', path: `phone_numbers/${encodeURIComponent(id)}`, json, signal }, phoneNumber);
  }

  listAgents(request: PageRequest = {}): Promise<Page<Agent>> {
    const { limit, cursor, signal } = request;
    return this.call({ method: 'get', path: 'agents', searchParams: { limit, cursor }, signal }, page(agent));
  }

  private async call<T>(call: Call, check: (value: unknown, where: string) => T): Promise<T> {
    if (this.base instanceof VogentError) throw this.base;
    if (call.signal?.aborted) throw cancelled();
    const apiKey = await this.options.apiKey();
    if (!apiKey) throw new VogentError('unauthorized', 'No API key is set.');
    // A header cannot carry it: fetch would fail before sending, and that failure reads as "unreachable".
    if (!/^[\x21-\x7e]+$/.test(apiKey)) throw new VogentError('unauthorized', UNSENDABLE_KEY);
    const what = `${call.method.toUpperCase()} /${call.path}`;
    let body: string;
    try {
      const response = await this.http(call.path, {
        method: call.method,
        searchParams: call.searchParams,
        json: call.json,
        signal: call.signal,
        timeout: this.timeoutMs,
        context: { apiKey },
      });
      // ky's timeout ends when headers arrive; a body that never finishes must not hang the call.
      body = await bounded(readText(response), response, this.timeoutMs);
    } catch (error) {
      throw await this.describe(error, call, apiKey);
    }
    try {
      return withoutKey(check(JSON.parse(body), 'response'), apiKey);
    } catch (error) {
      // No cause attached: a JSON.parse error quotes the body, which may hold anything.
      const reason = error instanceof ShapeError ? error.message : 'the body is not valid JSON';
      throw new VogentError('bad-response', redact(`Vogent sent an unexpected response to ${what}: ${reason}.`, apiKey), { request: what });
    }
  }

  private get timeoutMs(): number {
    const { timeoutMs } = this.options;
    return (typeof timeoutMs === 'function' ? timeoutMs() : timeoutMs) ?? 15_000;
  }

  /**
   * The one VogentError for a failed call. ky's errors are not kept as the cause: they hold the request,
   * its Authorization header and the options with the key.
   */
  private async describe(error: unknown, call: Call, apiKey: string): Promise<VogentError> {
    const request = `${call.method.toUpperCase()} /${call.path}`;
    const wrap = (kind: VogentError['kind'], message: string, status?: number) =>
      new VogentError(kind, redact(message, apiKey), { status, request });
    if (error instanceof VogentError) return error;
    if (call.signal?.aborted) return cancelled();
    if (isTimeoutError(error) || error instanceof BodyTimeout) {
      return wrap('timeout', `Vogent did not answer within ${Math.round(this.timeoutMs / 100) / 10} s.`);
    }
    if (isHTTPError(error)) {
      const status = error.response.status;
      const text = await bounded(readText(error.response, ERROR_BODY_LIMIT), error.response, this.timeoutMs).catch(() => '');
      // Redacted before and after parsing: JSON may escape the key (\/) so that only the parsed text shows it.
      const detail = detailFromBody(redact(text, apiKey), (parsed) => redact(parsed, apiKey));
      const { kind, message } = statusError(status, detail, { request, listing: call.method === 'get' && !call.path.includes('/') }, error.response.headers);
      return wrap(kind, message, status);
    }
    if (error instanceof Error && error.name === 'AbortError') return cancelled();
    if (error instanceof TypeError) {
      // fetch rejects with a TypeError when no response arrives (refused, reset, DNS), or on a redirect.
      const host = this.base instanceof URL ? this.base.host : 'the API';
      if (/redirect/i.test(String((error.cause as Error | undefined)?.message))) {
        return wrap('network', `${host} answered with a redirect, which is not followed: check the vogent.apiBaseUrl setting.`);
      }
      return wrap('network', `Could not reach ${host}${networkReason(error)}.`);
    }
    return wrap('network', `The request failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function tryCheckBaseUrl(raw: unknown): URL | VogentError {
  try {
    return checkBaseUrl(raw);
  } catch (error) {
    return error instanceof VogentError ? error : new VogentError('insecure-base-url', 'The API base URL setting is not a URL.');
  }
}

function waitTooLong(error: Error, maxMs: number): boolean {
  if (!isHTTPError(error)) return false;
  const wait = retryAfterSeconds(error.response.headers.get('retry-after'));
  return wait !== undefined && wait * 1000 > maxMs;
}

function networkReason(error: TypeError): string {
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? ` (${code})` : '';
}
