// How bytes come and go: reading a body within bounds, and timing each attempt for the log.
import type { Exchange } from './client';

/** A timeout of our own, for a body that stops arriving after the headers. */
export class BodyTimeout extends Error {
  override readonly name = 'BodyTimeout';
}

/** Error bodies are only read for a short message: a huge page is not buffered. */
export const ERROR_BODY_LIMIT = 64 * 1024;

/** The work, unless `ms` pass first: then the body is cancelled and BodyTimeout thrown. */
export async function bounded<T>(work: Promise<T>, response: Response, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void response.body?.cancel().catch(() => undefined);
      reject(new BodyTimeout());
    }, ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function readText(response: Response, limit = Number.POSITIVE_INFINITY): Promise<string> {
  if (limit === Number.POSITIVE_INFINITY || !response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (text.length < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  void reader.cancel().catch(() => undefined);
  return text.slice(0, limit);
}

/** Wraps fetch to report each attempt (method, path, status, time) without headers or bodies. */
export function timedFetch(base: URL, report: ((exchange: Exchange) => void) | undefined): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const path = url.href.startsWith(base.href) ? `/${url.href.slice(base.href.length)}` : url.pathname + url.search;
    const started = performance.now();
    try {
      const response = await fetch(input, init);
      report?.({ method: request.method, path, status: response.status, durationMs: performance.now() - started });
      return response;
    } catch (error) {
      const reason = error instanceof Error ? error.name : 'Error';
      report?.({ method: request.method, path, status: undefined, durationMs: performance.now() - started, error: reason });
      throw error;
    }
  };
}
