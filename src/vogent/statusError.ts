import type { VogentErrorKind } from './errors';

/**
 * What an HTTP error status means to the user, with the server's own words (`detail`, already redacted)
 * when it gave any. `listing` is a GET of a whole collection, whose 404 points at a wrong base URL.
 */
export function statusError(
  status: number,
  detail: string | undefined,
  call: { request: string; listing: boolean },
  headers: Headers,
): { kind: VogentErrorKind; message: string } {
  const because = detail ? `: ${detail}` : '.';
  if (status === 401) return { kind: 'unauthorized', message: `Vogent rejected the API key (401)${because}` };
  // Only the caller knows whether a 403 means a useless key (on the listing) or one missing permission (a write).
  if (status === 403) return { kind: 'forbidden', message: `Vogent refused this for the API key's permissions (403)${because}` };
  if (status === 404 && call.listing) {
    return { kind: 'not-found', message: `Vogent has no ${call.request} here (404): check the vogent.apiBaseUrl setting.` };
  }
  if (status === 404) return { kind: 'not-found', message: `Not found (404): it may have been deleted${detail ? ` (${detail})` : ''}.` };
  if (status === 429) {
    const wait = retryAfterSeconds(headers.get('retry-after'));
    return { kind: 'rate-limited', message: `Vogent is limiting requests (429); try again ${wait === undefined ? 'in a moment' : `in ${wait} s`}.` };
  }
  if (status >= 500) return { kind: 'server', message: `Vogent had a problem (${status})${because}` };
  return { kind: 'invalid-request', message: `Vogent refused the request (${status})${because}` };
}

/** Retry-After in seconds (a number or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
