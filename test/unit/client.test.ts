import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { inspect } from 'node:util';
import { VogentClient } from '../../src/vogent/client';
import type { VogentErrorKind } from '../../src/vogent/errors';
import type { Fault } from '../fake-api/server';
import { KEY, clientFor, useFakeVogent, vogentError } from './support';

describe('VogentClient', () => {
  const fake = useFakeVogent();

  describe('calls', () => {
    it('lists one page of numbers with the bearer key, a User-Agent and the limit', async () => {
      const page = await clientFor(fake()).listPhoneNumbers({ limit: 7 });
      assert.deepEqual(page.data, fake().workspace.numbers.slice(0, 7));
      assert.equal(typeof page.cursor, 'string');
      const [request] = fake().requests;
      assert.equal(request.method, 'GET');
      assert.equal(request.path, '/phone_numbers');
      assert.deepEqual(request.query, { limit: '7' });
      assert.equal(request.authorization, `Bearer ${KEY}`);
      assert.match(request.userAgent ?? '', /^vogent-phone-numbers-tests\//);
    });

    it('follows cursors verbatim to the last page', async () => {
      const client = clientFor(fake());
      const seen = [];
      let cursor: string | undefined;
      do {
        const page = await client.listPhoneNumbers({ limit: 100, cursor });
        seen.push(...page.data);
        cursor = page.cursor ?? undefined;
      } while (cursor);
      assert.deepEqual(seen, fake().workspace.numbers);
      assert.equal(fake().requests.length, 3);
      // The fake's cursors hold '+', '/' and '=': they only round-trip when URL-encoded.
      assert.ok(fake().requests.slice(1).every((r) => r.query.cursor?.endsWith('=')));
    });

    it('gets one number', async () => {
      const number = await clientFor(fake()).getPhoneNumber('pn_00004');
      assert.deepEqual(number, fake().workspace.numbers[4]);
    });

    it('links a number to an agent and unlinks it with an empty string', async () => {
      const client = clientFor(fake());
      const linked = await client.setAgent('pn_00000', 'agent_002');
      assert.equal(linked.agentId, 'agent_002');
      const unlinked = await client.setAgent('pn_00000', null);
      assert.equal(unlinked.agentId, null);
      assert.deepEqual(
        fake().requests.map((r) => [r.method, r.path, r.body]),
        [
          ['PUT', '/phone_numbers/pn_00000', { agentId: 'agent_002' }],
          ['PUT', '/phone_numbers/pn_00000', { agentId: '' }],
        ],
      );
    });

    it('lists one page of agents', async () => {
      const page = await clientFor(fake()).listAgents({ limit: 3 });
      assert.deepEqual(page.data, fake().workspace.agents.slice(0, 3));
      assert.deepEqual(fake().requests[0].query, { limit: '3' });
    });

    it('asks for the key before every call, so a replaced key is used at once', async () => {
      let key = 'old-key';
      fake().apiKeys.add('old-key');
      const client = clientFor(fake(), { apiKey: async () => key });
      await client.listAgents();
      key = KEY;
      await client.listAgents();
      assert.deepEqual(fake().requests.map((r) => r.authorization), ['Bearer old-key', `Bearer ${KEY}`]);
    });

    it('reports each attempt for the log without headers', async () => {
      const exchanges: unknown[] = [];
      fake().inject({ path: '/phone_numbers', latencyMs: 25 });
      await clientFor(fake(), { onExchange: (e) => exchanges.push(e) }).listPhoneNumbers({ limit: 2 });
      assert.equal(exchanges.length, 1);
      const [exchange] = exchanges as { method: string; path: string; status: number; durationMs: number }[];
      assert.deepEqual([exchange.method, exchange.path, exchange.status], ['GET', '/phone_numbers?limit=2', 200]);
      // The fake held its answer 25 ms; the timer may round a millisecond down.
      assert.ok(exchange.durationMs >= 24, `${exchange.durationMs} ms`);
      assert.ok(!JSON.stringify(exchanges).includes(KEY));
    });
  });

  describe('response checks', () => {
    it('keeps a missing or unknown type and ignores unknown fields', async () => {
      fake().inject({
        path: '/phone_numbers',
        status: 200,
        body: {
          data: [
            { id: 'a', number: '+15550001', agentId: null, extra: { nested: true } },
            { id: 'b', number: 'fax-1', type: 'FAX', agentId: 'agent_001' },
          ],
          cursor: null,
          total: 2,
        },
      });
      const page = await clientFor(fake()).listPhoneNumbers();
      assert.deepEqual(page, {
        data: [
          { id: 'a', number: '+15550001', type: undefined, agentId: null },
          { id: 'b', number: 'fax-1', type: 'FAX', agentId: 'agent_001' },
        ],
        cursor: null,
        skipped: [],
      });
    });

    it('skips a record it cannot read, keeps the rest of the page and its cursor, and says what was wrong', async () => {
      const good = fake().workspace.numbers.slice(0, 3);
      const body = { data: [good[0], { id: 'pn_bad', type: 'PSTN', agentId: null }, good[1], { number: '+1', agentId: 7 }, good[2], 'junk'], cursor: 'next-1' };
      fake().inject({ path: '/phone_numbers', status: 200, body });
      const page = await clientFor(fake()).listPhoneNumbers();
      assert.deepEqual(page.data.map((n) => n.id), good.map((n) => n.id));
      assert.equal(page.cursor, 'next-1');
      assert.deepEqual(page.skipped, [
        { id: 'pn_bad', type: 'PSTN', reason: 'data[1].number should be a string' },
        { id: undefined, type: undefined, reason: 'data[3].agentId should be a string' },
        { id: undefined, type: undefined, reason: 'data[5] should be an object' },
      ]);
    });

    it('skips an agent without a usable name, and keeps one without a language', async () => {
      const body = { data: [{ id: 'x', name: 3, language: 'en' }, { id: 'y', name: 'Front Desk', language: null }], cursor: null };
      fake().inject({ path: '/agents', status: 200, body });
      const page = await clientFor(fake()).listAgents();
      assert.deepEqual(page.data, [{ id: 'y', name: 'Front Desk', language: undefined }]);
      assert.deepEqual(page.skipped, [{ id: 'x', type: undefined, reason: 'data[0].name should be a string' }]);
    });

    const wrongShapes: [string, unknown, RegExp][] = [
      ['a list instead of a page', [], /response should be an object/],
      ['data that is not a list', { data: 'x', cursor: null }, /response\.data should be a list/],
      ['a numeric cursor', { data: [], cursor: 7 }, /response\.cursor should be a string/],
      ['no cursor field', { data: [] }, /response\.cursor is missing/],
    ];
    for (const [name, body, message] of wrongShapes) {
      it(`turns ${name} into a bad-response error`, async () => {
        fake().inject({ path: '/phone_numbers', status: 200, body });
        const error = await vogentError(clientFor(fake()).listPhoneNumbers());
        assert.equal(error.kind, 'bad-response');
        assert.match(error.message, message);
        assert.match(error.message, /GET \/phone_numbers/);
      });
    }

    it('turns malformed JSON into a bad-response error', async () => {
      fake().inject({ status: 200, body: '{"data": [', contentType: 'application/json' });
      const error = await vogentError(clientFor(fake()).listAgents());
      assert.equal(error.kind, 'bad-response');
      assert.match(error.message, /not valid JSON/);
    });

    it('checks an agent page\'s envelope too', async () => {
      fake().inject({ path: '/agents', status: 200, body: { data: {}, cursor: null } });
      const error = await vogentError(clientFor(fake()).listAgents());
      assert.equal(error.kind, 'bad-response');
      assert.match(error.message, /response\.data should be a list/);
    });
  });

  describe('errors', () => {
    const cases: [string, Fault, VogentErrorKind, RegExp][] = [
      ['401', { status: 401, body: { error: 'Invalid token' } }, 'unauthorized', /rejected the API key \(401\): Invalid token/],
      ['403', { status: 403, body: 'Forbidden' }, 'forbidden', /refused this for the API key's permissions \(403\): Forbidden/],
      ['400 with JSON', { status: 400, body: { message: 'limit is bad' } }, 'invalid-request', /\(400\): limit is bad/],
      ['400 with text', { status: 400, body: 'Bad cursor value' }, 'invalid-request', /\(400\): Bad cursor value/],
      ['422 with detail', { status: 422, body: { detail: 'agentId is unknown' } }, 'invalid-request', /\(422\): agentId is unknown/],
      ['422 with JSON sent as text', { status: 422, body: '{"error":"nope"}', contentType: 'text/plain' }, 'invalid-request', /\(422\): nope$/],
      ['404 on a list', { status: 404, body: { message: 'gone' } }, 'not-found', /no GET \/phone_numbers here \(404\): check the vogent\.apiBaseUrl setting/],
      ['500', { status: 500, body: { message: 'boom' } }, 'server', /problem \(500\): boom/],
      ['503 without body', { status: 503 }, 'server', /problem \(503\)\.$/],
      [
        '502 with an HTML page',
        { status: 502, body: '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>', contentType: 'text/html' },
        'server',
        /^Vogent had a problem \(502\)\.$/,
      ],
      ['429', { status: 429, body: 'slow down', headers: { 'Retry-After': '120' } }, 'rate-limited', /try again in 120 s/],
    ];
    for (const [name, fault, kind, message] of cases) {
      it(`maps ${name} to ${kind} with a readable message`, async () => {
        fake().inject({ ...fault, times: 10 });
        const error = await vogentError(clientFor(fake()).listPhoneNumbers());
        assert.equal(error.kind, kind);
        assert.match(error.message, message);
        assert.ok(!/<html|<body/i.test(error.message));
      });
    }

    it('says a single number may have been deleted on a 404', async () => {
      const error = await vogentError(clientFor(fake()).getPhoneNumber('pn_missing'));
      assert.equal(error.kind, 'not-found');
      assert.equal(error.message, 'Not found (404): it may have been deleted (Phone number pn_missing not found).');
    });

    it('does not follow a redirect', async () => {
      fake().inject({ status: 302, headers: { Location: `${fake().url}/agents` } });
      const error = await vogentError(clientFor(fake()).listPhoneNumbers());
      assert.equal(error.kind, 'network');
      assert.match(error.message, /answered with a redirect, which is not followed/);
      assert.equal(fake().requests.length, 1);
    });

    it('shortens a long text body', async () => {
      fake().inject({ status: 400, body: 'x'.repeat(5000) });
      const error = await vogentError(clientFor(fake()).listPhoneNumbers());
      assert.ok(error.message.length < 260, `message has ${error.message.length} characters`);
    });

    it('never puts the key in a message, even when the server echoes it', async () => {
      const echoes: Fault[] = [
        { status: 401, body: { message: `key ${KEY} is revoked` } },
        { status: 400, body: `bad key: Bearer ${KEY}` },
        { status: 422, body: { error: KEY } },
        { status: 500, body: { detail: `${KEY}${KEY}` } },
      ];
      for (const fault of echoes) {
        fake().inject(fault);
        const error = await vogentError(clientFor(fake()).listPhoneNumbers());
        assert.ok(!error.message.includes(KEY), error.message);
        assert.ok(!String(error.stack).includes(KEY));
      }
      fake().inject({ status: 200, body: { data: [{ id: KEY, number: 5, type: `x${KEY}` }], cursor: null } });
      const { skipped } = await clientFor(fake()).listPhoneNumbers();
      assert.ok(!JSON.stringify(skipped).includes(KEY), JSON.stringify(skipped));
    });

    it('leaves no part of the key in a message cut short, nor anywhere inside the error', async () => {
      const cut = [
        { status: 400, body: `${'x'.repeat(190)}${KEY}` },
        { status: 500, body: { message: `${'y'.repeat(195)}Bearer ${KEY}` } },
        { status: 200, body: `{"data": "Bearer ${KEY}`, contentType: 'application/json' },
        { status: 401, body: KEY },
      ];
      for (const fault of cut) {
        fake().inject(fault);
        const error = await vogentError(clientFor(fake()).listPhoneNumbers());
        assert.ok(!error.message.includes(KEY.slice(0, 6)), error.message);
        assert.ok(!inspect(error, { depth: 20, showHidden: true }).includes(KEY), `inspect(${error.kind}) shows the key`);
      }
    });

    it('leaves no part of a key that JSON escaped in a message cut short', async () => {
      const key = 'vk_live/7Qm2s9XbTz/unit';
      const escaped = JSON.stringify(key).slice(1, -1).replace(/\//g, '\\/');
      fake().inject({ status: 400, body: `{"message": "${'y'.repeat(185)} token ${escaped}"}`, contentType: 'application/json' });
      const error = await vogentError(clientFor(fake(), { apiKey: async () => key }).listPhoneNumbers());
      assert.ok(!error.message.includes(key.slice(0, 6)), error.message);
    });

    it('says no key is set without sending anything', async () => {
      const error = await vogentError(clientFor(fake(), { apiKey: async () => undefined }).listAgents());
      assert.equal(error.kind, 'unauthorized');
      assert.equal(fake().requests.length, 0);
    });

    it('refuses a key no header can carry, saying why, without sending anything', async () => {
      const error = await vogentError(clientFor(fake(), { apiKey: async () => `${KEY}\u200b` }).listPhoneNumbers());
      assert.equal(error.kind, 'unauthorized');
      assert.match(error.message, /^This key has a character that cannot be sent/);
      assert.equal(fake().requests.length, 0);
    });

    it('maps a refused connection to a network error', async () => {
      const port = await closedPort();
      const client = clientFor(fake(), { baseUrl: `http://127.0.0.1:${port}/api` });
      const error = await vogentError(client.listAgents());
      assert.equal(error.kind, 'network');
      assert.match(error.message, new RegExp(`Could not reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
    });

    it('gives up on a hung server after the timeout', async () => {
      fake().inject({ hang: true });
      const error = await vogentError(clientFor(fake(), { timeoutMs: 150 }).listPhoneNumbers());
      assert.equal(error.kind, 'timeout');
      assert.match(error.message, /within 0\.2 s/);
    });

    it('gives up on a body that stops arriving after the headers', async () => {
      fake().inject({ stallBody: true });
      const error = await vogentError(clientFor(fake(), { timeoutMs: 150 }).listAgents());
      assert.equal(error.kind, 'timeout');
    });

    it('cancels a call when its signal aborts', async () => {
      fake().inject({ hang: true });
      const controller = new AbortController();
      const call = clientFor(fake()).listPhoneNumbers({ signal: controller.signal });
      await fake().received(1);
      controller.abort();
      const error = await vogentError(call);
      assert.equal(error.kind, 'cancelled');
    });

    it('sends nothing when the signal is already aborted', async () => {
      const error = await vogentError(clientFor(fake()).listAgents({ signal: AbortSignal.abort() }));
      assert.equal(error.kind, 'cancelled');
      assert.equal(fake().requests.length, 0);
    });
  });

  describe('retries', () => {
    it('retries a 429 whose Retry-After allows it, and answers with the page', async () => {
      fake().inject({ status: 429, headers: { 'Retry-After': '0' } });
      const page = await clientFor(fake(), { retryLimit: 2 }).listPhoneNumbers({ limit: 1 });
      assert.equal(page.data.length, 1);
      assert.equal(fake().requests.length, 2);
    });

    it('retries 5xx a bounded number of times, then reports the last one', async () => {
      fake().inject({ status: 503, headers: { 'Retry-After': '0' }, times: 10 });
      const error = await vogentError(clientFor(fake(), { retryLimit: 2 }).listPhoneNumbers());
      assert.equal(error.kind, 'server');
      assert.equal(fake().requests.length, 3);
    });

    it('does not wait for a Retry-After longer than it allows', async () => {
      fake().inject({ status: 429, headers: { 'Retry-After': '600' }, times: 10 });
      const error = await vogentError(clientFor(fake(), { retryLimit: 3, maxRetryAfterMs: 5_000 }).listAgents());
      assert.equal(error.kind, 'rate-limited');
      assert.equal(fake().requests.length, 1);
    });

    it('reads a Retry-After sent as an HTTP date: too far off to wait for, and said in seconds', async () => {
      const inTenMinutes = new Date(Date.now() + 600_000).toUTCString();
      fake().inject({ status: 429, headers: { 'Retry-After': inTenMinutes }, times: 10 });
      const error = await vogentError(clientFor(fake(), { retryLimit: 3, maxRetryAfterMs: 5_000 }).listAgents());
      assert.match(error.message, /^Vogent is limiting requests \(429\); try again in (599|600) s\.$/);
      assert.equal(fake().requests.length, 1);
    });

    it('does not retry a 4xx other than 429', async () => {
      fake().inject({ status: 422, body: { message: 'no' }, times: 10 });
      await vogentError(clientFor(fake(), { retryLimit: 3 }).setAgent('pn_00001', 'agent_001'));
      assert.equal(fake().requests.length, 1);
    });
  });

  describe('base URL', () => {
    for (const url of ['http://api.vogent.ai/api', 'http://10.0.0.5:8080/api', 'ftp://api.vogent.ai/', 'not a url', 'https://user:pw@api.vogent.ai/api']) {
      it(`refuses ${url} before asking for the key or sending anything`, async () => {
        let asked = 0;
        const client = new VogentClient({
          baseUrl: url,
          userAgent: 't',
          apiKey: async () => {
            asked++;
            return KEY;
          },
        });
        const error = await vogentError(client.listPhoneNumbers());
        assert.equal(error.kind, 'insecure-base-url');
        assert.equal(asked, 0);
      });
    }

    it('refuses a setting that is not a string', async () => {
      const client = new VogentClient({ baseUrl: 42 as unknown as string, userAgent: 't', apiKey: async () => KEY });
      const error = await vogentError(client.listAgents());
      assert.equal(error.kind, 'insecure-base-url');
      assert.match(error.message, /must be a string/);
    });

    it('allows plain http to localhost', async () => {
      const port = new URL(fake().url).port;
      const page = await clientFor(fake(), { baseUrl: `http://localhost:${port}/api/` }).listAgents();
      assert.equal(page.data.length, fake().workspace.agents.length);
    });

    it('allows plain http to [::1]', async () => {
      // The fake listens on 127.0.0.1 only: the call may fail to connect, but must not be refused as insecure.
      const error = await clientFor(fake(), { baseUrl: 'http://[::1]:9/api' }).listAgents().catch((e: unknown) => e);
      assert.equal((error as { kind?: string }).kind, 'network');
    });

    it('keeps the path of the base URL', async () => {
      await clientFor(fake(), { baseUrl: fake().url }).getPhoneNumber('pn_00000');
      assert.equal(fake().requests[0].path, '/phone_numbers/pn_00000');
    });
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
