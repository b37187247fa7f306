import { VogentError } from './errors';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The URL every request is resolved against. The key travels with each request, so plain http is
 * refused unless the server is on this machine (local tests, the demo API).
 */
export function checkBaseUrl(raw: unknown): URL {
  if (typeof raw !== 'string') throw new VogentError('insecure-base-url', 'The API base URL setting must be a string.');
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new VogentError('insecure-base-url', `The API base URL "${raw}" is not a valid URL.`);
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure) {
    throw new VogentError(
      'insecure-base-url',
      `Refusing to send the API key to ${url.origin}: the API base URL must use https (plain http only for localhost).`,
    );
  }
  if (url.username || url.password) {
    throw new VogentError('insecure-base-url', 'The API base URL must not contain a user name or password.');
  }
  // ky resolves paths against the base like `new URL()`: a trailing slash keeps the `/api` segment.
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}
