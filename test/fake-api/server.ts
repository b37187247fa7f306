// A fake Vogent API on loopback that keeps the contract in the project's API notes, with faults
// that tests switch on. Used by the unit tests, the VS Code suite, the benchmark and the demo.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Workspace } from './data';

export interface Fault {
  /** Matches the path after `/api`, e.g. `/phone_numbers`; a string matches as a prefix. Default: every path. */
  path?: string | RegExp;
  method?: string;
  /** Only requests sent with this key. Default: any key. */
  apiKey?: string;
  /** How many requests it answers before it clears itself. Default 1. */
  times?: number;
  status?: number;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  /** Never answer (until the server closes). */
  hang?: boolean;
  /** Send the headers and part of the body, then nothing more. */
  stallBody?: boolean;
  /** Answer normally, after this delay. */
  latencyMs?: number;
  /** Answer (as things stood when the request came) only once this settles: orders a race without timing it. */
  hold?: Promise<unknown>;
  /** Answer normally, but give back the cursor that was sent instead of the next one. */
  repeatCursor?: boolean;
  /** Answer the first page over and over, each time with a fresh cursor: a server that never ends. */
  endless?: boolean;
}

/** A promise a test settles when it wants, for a fault's `hold`: the fake's answer waits until then. */
export function gate(): { promise: Promise<void>; release: () => void } {
  let release = (): void => undefined;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  userAgent: string | undefined;
  body: unknown;
  at: number;
  /** When the answer was written (performance.now()); unset until then, and for requests left hanging. */
  answeredAt?: number;
  /** The client closed the connection before the answer was written: it gave up on the request. */
  abandoned?: true;
}

export interface FakeVogentOptions {
  workspace: Workspace;
  /** Keys the server accepts for `workspace`. */
  apiKeys?: string[];
  /** Other Vogent workspaces on the same server, each under its own key. */
  others?: Record<string, Workspace>;
  port?: number;
  latencyMs?: number;
}

export interface FakeVogent {
  /** The API base URL, ending in `/api`. */
  url: string;
  workspace: Workspace;
  apiKeys: Set<string>;
  /** The other workspaces by key: add one to serve it. */
  others: Map<string, Workspace>;
  requests: LoggedRequest[];
  latencyMs: number;
  /** Resolves once `count` requests in all (or, given `path`, to that path) have arrived. */
  received(count: number, path?: string): Promise<void>;
  /** Resolves once `count` requests in all have been given up on by the client before their answer. */
  abandoned(count: number): Promise<void>;
  inject(...faults: Fault[]): void;
  clearFaults(): void;
  close(): Promise<void>;
}

const MAX_LIMIT = 1000;

export async function startFakeVogent(options: FakeVogentOptions): Promise<FakeVogent> {
  let faults: Fault[] = [];
  const sockets = new Set<Socket>();
  const waiters: { count: number; path?: string; abandoned?: true; resolve: () => void }[] = [];
  const arrivedTo = (path: string | undefined) => (path === undefined ? fake.requests.length : fake.requests.filter((r) => r.path === path).length);
  const reached = (w: (typeof waiters)[number]) => (w.abandoned ? fake.requests.filter((r) => r.abandoned).length : arrivedTo(w.path)) >= w.count;
  const fake: FakeVogent = {
    url: '',
    workspace: options.workspace,
    apiKeys: new Set(options.apiKeys ?? ['test-key']),
    others: new Map(Object.entries(options.others ?? {})),
    requests: [],
    latencyMs: options.latencyMs ?? 0,
    received: (count, path) => waitFor({ count, path }),
    abandoned: (count) => waitFor({ count, abandoned: true }),
    inject: (...more) => {
      faults.push(...more.map((f) => ({ times: 1, ...f })));
    },
    clearFaults: () => {
      faults = [];
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };

  const server = createServer((req, res) => {
    void handle(fake, req, res, takeFault, arrived).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: `fake API bug: ${String(error)}` }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function waitFor(waiter: Omit<(typeof waiters)[number], 'resolve'>): Promise<void> {
    return new Promise((resolve) => {
      if (reached({ ...waiter, resolve })) resolve();
      else waiters.push({ ...waiter, resolve });
    });
  }

  function arrived(): void {
    for (const waiter of waiters.filter(reached)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  function takeFault(method: string, path: string, authorization: string | undefined): Fault | undefined {
    const fault = faults.find(
      (f) =>
        (f.method === undefined || f.method.toUpperCase() === method) &&
        (f.apiKey === undefined || authorization === `Bearer ${f.apiKey}`) &&
        (f.path === undefined || (typeof f.path === 'string' ? path.startsWith(f.path) : f.path.test(path))),
    );
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) faults = faults.filter((f) => f !== fault);
    }
    return fault;
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  return fake;
}

interface Reply {
  status: number;
  text: string;
  contentType: string;
  headers?: Record<string, string>;
}

const json = (status: number, body: unknown): Reply => ({ status, text: JSON.stringify(body), contentType: 'application/json' });

async function handle(
  fake: FakeVogent,
  req: IncomingMessage,
  res: ServerResponse,
  takeFault: (method: string, path: string, authorization: string | undefined) => Fault | undefined,
  arrived: () => void,
): Promise<void> {
  const started = performance.now();
  const url = new URL(req.url ?? '/', 'http://fake');
  const method = req.method ?? 'GET';
  // Vogent's API lives under /api: a client that lost the base URL's path gets what Vogent would send, a 404.
  const underApi = url.pathname.startsWith('/api/');
  const path = underApi ? url.pathname.slice('/api'.length) : url.pathname;
  const raw = await readBody(req);
  let body: unknown = raw;
  try {
    body = raw === '' ? undefined : JSON.parse(raw);
  } catch {
    // logged as text
  }
  const logged: LoggedRequest = {
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    authorization: req.headers.authorization,
    userAgent: req.headers['user-agent'],
    body,
    at: started,
  };
  fake.requests.push(logged);
  arrived();
  res.on('close', () => {
    if (res.writableFinished) return;
    logged.abandoned = true;
    arrived();
  });

  const fault = takeFault(method, path, req.headers.authorization);
  if (fault?.hang) return;
  if (fault?.stallBody) {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"data": [');
    return;
  }
  const reply = fault?.status !== undefined ? faultReply(fault) : underApi ? route(fake, req, url, method, path, body, fault) : json(404, { message: 'Not found' });
  // Latency counts from the request's arrival, so the time spent building the reply is part of it.
  const wait = started + (fault?.latencyMs ?? fake.latencyMs) - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  await fault?.hold;
  res.writeHead(reply.status, { 'Content-Type': reply.contentType, ...reply.headers });
  res.end(reply.text);
  logged.answeredAt = performance.now();
}

function faultReply(fault: Fault): Reply {
  const text = typeof fault.body === 'string' ? fault.body : fault.body === undefined ? '' : JSON.stringify(fault.body);
  const contentType = fault.contentType ?? (typeof fault.body === 'string' ? 'text/plain' : 'application/json');
  return { status: fault.status ?? 500, text, contentType, headers: fault.headers };
}

function route(fake: FakeVogent, req: IncomingMessage, url: URL, method: string, path: string, body: unknown, fault: Fault | undefined): Reply {
  const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const workspace = key === undefined ? undefined : fake.apiKeys.has(key) ? fake.workspace : fake.others.get(key);
  if (!workspace) return json(401, { error: 'Invalid or missing API key' });

  const { numbers, agents } = workspace;
  if (method === 'GET' && path === '/phone_numbers') return listPage(url, numbers, fault);
  if (method === 'GET' && path === '/agents') return listPage(url, agents, fault);
  const one = /^\/phone_numbers\/([^/]+)$/.exec(path);
  if (one) {
    const id = decodeURIComponent(one[1]);
    const index = numbers.findIndex((n) => n.id === id);
    if (index < 0) return json(404, { message: `Phone number ${id} not found` });
    if (method === 'GET') return json(200, numbers[index]);
    if (method === 'PUT') {
      const agentId = (body as { agentId?: unknown } | undefined)?.agentId;
      if (typeof agentId !== 'string') return json(422, { message: 'agentId must be a string; send "" to unlink' });
      if (agentId !== '' && !agents.some((a) => a.id === agentId)) return json(422, { message: `Agent ${agentId} does not exist` });
      numbers[index] = { ...numbers[index], agentId: agentId === '' ? null : agentId };
      return json(200, numbers[index]);
    }
  }
  return json(404, { message: `No route for ${method} ${path}` });
}

function listPage<T>(url: URL, items: T[], fault: Fault | undefined): Reply {
  const limitParam = url.searchParams.get('limit');
  const limit = limitParam === null ? 100 : Number(limitParam);
  if (!/^\d+$/.test(limitParam ?? '100') || limit < 1 || limit > MAX_LIMIT) {
    return json(400, { message: `limit must be an integer from 1 to ${MAX_LIMIT}` });
  }
  if (fault?.endless) return json(200, { data: items.slice(0, limit), cursor: Buffer.from(`again=${++pagesSentAgain}`).toString('base64') });
  const cursor = url.searchParams.get('cursor');
  const offset = cursor === null ? 0 : decodeCursor(cursor);
  if (offset === undefined || offset > items.length) return json(400, { message: 'Invalid cursor' });
  const end = offset + limit;
  let next = end < items.length ? encodeCursor(end) : null;
  if (fault?.repeatCursor && cursor !== null) next = cursor;
  return json(200, { data: items.slice(offset, end), cursor: next });
}

let pagesSentAgain = 0;

// Opaque to clients, and base64 on purpose: its + / = must be URL-encoded in a query value.
function encodeCursor(offset: number): string {
  return Buffer.from(`after=${offset}&v=1`).toString('base64');
}

function decodeCursor(cursor: string): number | undefined {
  const match = /^after=(\d+)&v=1$/.exec(Buffer.from(cursor, 'base64').toString());
  return match ? Number(match[1]) : undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
