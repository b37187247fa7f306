import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { VogentConnection, type ConnectionChange } from '../../src/connection/vogentConnection';
import { gate, type FakeVogent } from '../fake-api/server';
import { clientFor, KEY, useFakeVogent, vogentError } from './support';

interface Harness {
  connection: VogentConnection;
  warnings: string[];
  errors: string[];
  changes: ConnectionChange[];
  key: { hasKey: boolean; value: string };
  /** The user's vogent.maxPages, read at each page. */
  maxPages: number;
}

function connect(fake: FakeVogent, pageSize = 100, timeoutMs?: number): Harness {
  const key = { hasKey: true, value: KEY };
  const harness: Harness = { warnings: [], errors: [], changes: [], key, maxPages: 10_000 } as unknown as Harness;
  harness.connection = new VogentConnection({
    key: { get hasKey() { return key.hasKey; }, get: async () => key.value },
    client: (apiKey) => clientFor(fake, { apiKey, ...(timeoutMs === undefined ? {} : { timeoutMs }) }),
    pageSize: () => pageSize,
    maxPages: () => harness.maxPages,
    log: { warn: (message) => harness.warnings.push(message), error: (what, error) => harness.errors.push(`${what}: ${String(error)}`) },
  });
  harness.connection.onDidChange((change) => harness.changes.push(change));
  return harness;
}

/** A full collection, as V8 runs by itself when memory is short (the gc function exposed for this test run). */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

const numberGets = (fake: FakeVogent) => fake.requests.filter((r) => r.method === 'GET' && r.path === '/phone_numbers');

describe('VogentConnection', () => {
  const fake = useFakeVogent();

  describe('refresh', () => {
    it('keeps a link made while it runs, over the older answer it read', async () => {
      const { connection } = connect(fake());
      await connection.show();
      const target = connection.numbers.numbersIn('PSTN').find((n) => n.agentId === null);
      assert.ok(target);
      const agent = fake().workspace.agents[1].id;
      const held = gate();
      fake().inject({ path: '/phone_numbers', method: 'GET', hold: held.promise });
      const sent = fake().requests.length;
      const refresh = connection.refresh();
      await fake().received(sent + 1);
      await connection.setAgent(target.id, agent);
      assert.equal(connection.numbers.get(target.id)?.agentId, agent, 'shown at once');
      held.release();
      await refresh;
      assert.equal(connection.numbers.get(target.id)?.agentId, agent, 'the reload read the number before the link');
    });

    it('shows at least the rows a "Load more…" added while it ran', async () => {
      const { connection } = connect(fake());
      // The first page only, and no agent names: the refresh's first request is then its first page.
      await connection.show();
      const before = connection.numbers.countIn('PSTN');
      const held = gate();
      fake().inject({ path: '/phone_numbers', method: 'GET', hold: held.promise });
      const sent = fake().requests.length;
      const refresh = connection.refresh();
      await fake().received(sent + 1);
      await connection.fill('PSTN', 200);
      const shown = connection.numbers.countIn('PSTN');
      assert.ok(shown > before);
      held.release();
      await refresh;
      assert.ok(connection.numbers.countIn('PSTN') >= shown, `${connection.numbers.countIn('PSTN')} < ${shown}`);
    });

    it('a group being filled when a reset replaces the listing is not filled again under the new one', async () => {
      const { connection } = connect(fake(), 10);
      // The third page never answers: the reset comes while the fill waits on it.
      fake().inject({ path: '/phone_numbers', times: 2 }, { path: '/phone_numbers', hang: true });
      const filling = connection.fill('PSTN', 1000);
      await fake().received(3, '/phone_numbers');
      connection.reset();
      const sent = fake().requests.length;
      await filling;
      // The view starts the new listing from one page when it draws it; the old target is not carried over.
      assert.deepEqual(fake().requests.slice(sent).map((r) => r.path), []);
    });

    it('is dropped when a reset replaces the listing meanwhile', async () => {
      const { connection, changes, errors } = connect(fake());
      await connection.show();
      fake().inject({ path: '/phone_numbers', method: 'GET', hang: true });
      const sent = fake().requests.length;
      const refresh = connection.refresh();
      await fake().received(sent + 1);
      connection.reset();
      const told = changes.length;
      await refresh;
      assert.equal(changes.length, told, 'the dropped refresh told the views nothing');
      assert.deepEqual(errors, [], 'being dropped is not a failure');
      assert.equal(fake().requests.length, sent + 1, 'nothing more was sent');
      assert.equal(connection.numbers.started, false, 'the new listing starts from nothing');
    });
  });

  describe('agents', () => {
    it('tries a failed agent load again when an action needs the agents', async () => {
      const { connection } = connect(fake());
      fake().inject({ path: '/agents', status: 503 });
      await connection.fill('PSTN');
      assert.ok(connection.agents.error, 'the failure is kept for the view');
      const agents = await connection.agentList();
      assert.equal(agents.length, fake().workspace.agents.length);
      assert.equal(connection.agents.error, undefined);
    });

    async function withFailedNames(): Promise<VogentConnection> {
      const { connection } = connect(fake());
      fake().inject({ path: '/agents', status: 400 });
      await connection.fill('PSTN');
      assert.ok(connection.agents.error);
      return connection;
    }

    it('tells the views the group of a number that a later page sends anew, changed', async () => {
      const { connection, changes } = connect(fake(), 10);
      const { numbers } = fake().workspace;
      const sip = numbers.find((n) => n.type === 'SIP_USERNAME' && numbers.indexOf(n) < 10);
      assert.ok(sip);
      numbers.splice(12, 0, { ...sip, agentId: null, number: 'renamed-sip' });
      await connection.loadAll(new AbortController().signal);
      assert.equal(connection.numbers.get(sip.id)?.number, 'renamed-sip');
      assert.deepEqual(changes.filter((c) => c.groups.length > 0), [{ all: false, groups: ['SIP_USERNAME'] }]);
    });

    it('tells the views which groups a refresh changed, and only those', async () => {
      const { connection, changes } = connect(fake(), 50);
      await connection.loadAll(new AbortController().signal);
      await connection.refresh();
      assert.deepEqual(changes.at(-1), { all: false, groups: [] }, 'nothing changed on the server');
      const { numbers, agents } = fake().workspace;
      const sip = numbers.findIndex((n) => n.type === 'SIP_USERNAME');
      numbers[sip] = { ...numbers[sip], agentId: agents.find((a) => a.id !== numbers[sip].agentId)?.id ?? null };
      await connection.refresh();
      assert.deepEqual(changes.at(-1), { all: false, groups: ['SIP_USERNAME'] });
    });

    it('a picker waiting on the names of a refresh that fails asks again instead of ending as cancelled', async () => {
      const connection = await withFailedNames();
      const held = gate();
      // The refresh's names are held while its first page fails: the failed refresh drops them.
      fake().inject({ path: '/agents', hold: held.promise }, { path: '/phone_numbers', status: 400 });
      const sent = fake().requests.length;
      const refresh = connection.refresh();
      await fake().received(sent + 2);
      const list = connection.agentList();
      await vogentError(refresh);
      held.release();
      assert.equal((await list).length, fake().workspace.agents.length);
    });

    it('a picker opened while a refresh reloads failed names waits for that load rather than asking again', async () => {
      const connection = await withFailedNames();
      const sent = fake().requests.length;
      const refresh = connection.refresh();
      await fake().received(sent + 2);
      const list = await connection.agentList();
      await refresh;
      assert.equal(list.length, fake().workspace.agents.length);
      const agentGets = fake().requests.slice(sent).filter((r) => r.path === '/agents');
      assert.equal(agentGets.length, 1, 'the refresh\'s load only');
    });

    it('answers a picker from names already loaded without a request or a redraw of the views', async () => {
      const { connection, changes } = connect(fake());
      await connection.fill('PSTN');
      assert.ok(connection.agents.loaded);
      const [sent, told] = [fake().requests.length, changes.length];
      assert.equal((await connection.agentList()).length, fake().workspace.agents.length);
      assert.equal(fake().requests.length, sent);
      assert.equal(changes.length, told);
    });

    it('a refresh while a picker asks again for failed names does not fetch them a second time', async () => {
      const connection = await withFailedNames();
      const held = gate();
      fake().inject({ path: '/agents', hold: held.promise });
      const sent = fake().requests.length;
      const list = connection.agentList();
      await fake().received(sent + 1);
      const refresh = connection.refresh();
      held.release();
      await Promise.all([list, refresh]);
      assert.equal(fake().requests.slice(sent).filter((r) => r.path === '/agents').length, 1);
      assert.ok(connection.agents.loaded);
    });

    it('a refresh whose agent names fail keeps the names loaded before, and logs why', async () => {
      const { connection, errors } = connect(fake());
      await connection.fill('PSTN');
      assert.ok(connection.agents.loaded);
      fake().inject({ path: '/agents', status: 400, body: { message: 'agents unavailable' } });
      await connection.refresh();
      assert.ok(connection.agents.loaded);
      assert.equal(connection.agents.error, undefined);
      assert.match(errors.join('\n'), /^Refreshing agent names: .*agents unavailable/m);
    });

    it('loads every number even when the agent names fail', async () => {
      const { connection } = connect(fake());
      fake().inject({ path: '/agents', status: 503, times: 100 });
      await connection.loadAll(new AbortController().signal);
      assert.equal(connection.numbers.size, 250);
      assert.ok(connection.numbers.complete);
    });
  });

  describe('what a refusal means', () => {
    it('a 403 on a write or on /agents is that call\'s failure, not a rejected key', async () => {
      const { connection } = connect(fake());
      await connection.show();
      const number = [...connection.numbers.index.all()][0];
      fake().inject({ method: 'PUT', status: 403, body: { message: 'read-only key' } });
      assert.equal((await vogentError(connection.setAgent(number.id, null))).kind, 'forbidden');
      fake().inject({ path: '/agents', status: 403 });
      await vogentError(connection.agentList());
      assert.equal(connection.status, 'ready');
      assert.equal(connection.numbers.size, 100, 'what was loaded stays');
    });

    it('a key gone from secret storage before this window heard of it is not taken for one Vogent rejected', async () => {
      const { connection, key } = connect(fake());
      // Deleted in another window: this one still holds that a key is set until its own read tells it otherwise.
      key.value = '';
      await connection.show();
      assert.equal(connection.status, 'ready');
      assert.equal(connection.numbers.error?.message, 'No API key is set.');
      assert.equal(fake().requests.length, 0);
    });

    it('a key that could not be read (a locked keyring) fails the load without rejecting it; Retry reads it again', async () => {
      const { connection, key } = connect(fake());
      let locked = true;
      Object.defineProperty(key, 'value', {
        get: () => {
          if (!locked) return KEY;
          locked = false;
          throw new Error('the keyring is locked');
        },
      });
      await connection.show();
      assert.equal(connection.numbers.error?.message, 'the keyring is locked');
      assert.equal(connection.status, 'ready');
      assert.equal(fake().requests.length, 0);
      await connection.loadMore('PSTN', 1);
      assert.equal(connection.numbers.error, undefined);
      assert.equal(connection.numbers.size, 100);
    });

    it('a 403 on the numbers listing, or a 401 anywhere, rejects the key, and then nothing more is sent', async () => {
      for (const fault of [{ path: '/phone_numbers', method: 'GET', status: 403 }, { method: 'PUT', status: 401 }]) {
        const { connection } = connect(fake(), 10);
        await connection.show();
        fake().inject(fault);
        if (fault.method === 'PUT') await vogentError(connection.setAgent([...connection.numbers.index.all()][0].id, null));
        else await connection.fill('PSTN', 1000);
        assert.equal(connection.status, 'rejected', `after ${fault.method} ${fault.status}`);
        const sent = fake().requests.length;
        await vogentError(connection.loadAll(new AbortController().signal));
        await vogentError(connection.agentList());
        await connection.show();
        assert.equal(fake().requests.length, sent);
      }
    });
  });

  describe('the background lookup', () => {
    it('loads everything once however often it is asked, and not again after a failure until a retry', async () => {
      const { connection } = connect(fake(), 50);
      await Promise.all([connection.lookUpEverything(), connection.lookUpEverything()]);
      assert.ok(connection.numbers.complete);
      assert.equal(numberGets(fake()).length, 5, 'one load-all');
      connection.reset();
      fake().inject({ path: '/phone_numbers', status: 404, times: 100 });
      await connection.lookUpEverything();
      const sent = fake().requests.length;
      assert.equal(connection.lookUpEverything(), undefined, 'a failed listing is not asked again on its own');
      assert.equal(fake().requests.length, sent);
    });

    it('stops when a reset drops what it loads, and sends nothing under the key that replaced it', async () => {
      const { connection } = connect(fake(), 50);
      // The agent names never arrive: the load is waiting on them when the key changes.
      fake().inject({ path: '/agents', hang: true });
      const complete = new Promise<void>((resolve) => {
        const stop = connection.onDidChange(() => connection.numbers.complete && (stop(), resolve()));
      });
      const lookUp = connection.lookUpEverything();
      await complete;
      connection.reset();
      const sent = fake().requests.length;
      await lookUp;
      assert.equal(fake().requests.length, sent, fake().requests.slice(sent).map((r) => r.path).join(', '));
    });
  });

  describe('loading everything', () => {
    it('a reset lets go of everything loaded: the numbers with their index, and the agent names', async () => {
      const { connection } = connect(fake(), 50);
      await connection.loadAll(new AbortController().signal);
      assert.equal(connection.numbers.size, 250);
      assert.ok(connection.agents.loaded);
      const [numbers, agents] = [new WeakRef(connection.numbers), new WeakRef(connection.agents)];
      connection.reset();
      assert.equal(connection.numbers.size, 0);
      assert.equal(connection.numbers.index.all().length, 0);
      // A WeakRef keeps its target until the job that made it ends.
      await new Promise((resolve) => setImmediate(resolve));
      collectGarbage();
      assert.equal(numbers.deref(), undefined, 'the numbers loaded before are still held');
      assert.equal(agents.deref(), undefined, 'the agent names loaded before are still held');
    });

    it('follows a reset to the new listing instead of ending with a partial list', async () => {
      const { connection } = connect(fake(), 50);
      const loading = connection.loadAll(new AbortController().signal);
      await fake().received(2);
      connection.reset();
      await loading;
      assert.ok(connection.numbers.complete);
      assert.equal(connection.numbers.size, 250);
    });

    it('gives up its page in flight when a refresh starts (the refresh reads it again), then goes on from what the refresh loaded', async () => {
      // A request this load kept would end only at the client's timeout: longer than the test's.
      const { connection, errors } = connect(fake(), 10, 60_000);
      await connection.show();
      const held = gate();
      fake().inject({ path: '/phone_numbers', hold: held.promise });
      const loading = connection.loadAll(new AbortController().signal);
      await fake().received(2, '/phone_numbers');
      const refresh = connection.refresh();
      await fake().abandoned(1);
      held.release();
      await refresh;
      await loading;
      assert.ok(connection.numbers.complete);
      assert.equal(connection.numbers.size, 250);
      assert.deepEqual(errors, []);
    });

    it('waits for a refresh that starts meanwhile instead of loading the old pages for the refresh to chase', async () => {
      const { connection } = connect(fake(), 10);
      // The fifth page answers only once the refresh has begun: the load-all is midway when it does.
      const held = gate();
      fake().inject({ path: '/phone_numbers', times: 4 }, { path: '/phone_numbers', hold: held.promise });
      const loading = connection.loadAll(new AbortController().signal);
      await fake().received(5, '/phone_numbers');
      const before = numberGets(fake()).length;
      const refresh = connection.refresh();
      held.release();
      await refresh;
      await loading;
      assert.equal(connection.numbers.size, 250);
      // The refresh loads as far as was loaded when it began; the load-all goes on from there. Chased, it would be 25 more.
      assert.ok(numberGets(fake()).length <= before + 1 + 25, `${numberGets(fake()).length} requests, ${before} before the refresh`);
    });

    it('loads the agent names alone for numbers found before any name was needed, and tells the views when they land', async () => {
      const { connection, changes } = connect(fake(), 10);
      await connection.show();
      assert.equal(connection.agents.loaded, false);
      const [sent, told] = [fake().requests.length, changes.length];
      await connection.loadAgentNames();
      assert.ok(connection.agents.loaded);
      assert.ok(changes.length > told, 'the views heard of the names');
      assert.deepEqual(fake().requests.slice(sent).map((r) => r.path), ['/agents'], 'not every page of numbers');
    });

    it('stops asking for pages once its caller gives up', async () => {
      const { connection } = connect(fake(), 10);
      const closed = new AbortController();
      const loading = connection.loadAll(closed.signal);
      await fake().received(3);
      closed.abort();
      assert.equal((await vogentError(loading)).kind, 'cancelled');
      const sent = numberGets(fake()).length;
      await connection.numbers.idle();
      assert.ok(numberGets(fake()).length <= sent + 1, 'at most the page already in flight');
      assert.ok(!connection.numbers.complete);
    });

    it('aborts the page in flight when its only caller gives up (closing the picker)', async () => {
      const { connection } = connect(fake(), 10);
      await connection.show();
      fake().inject({ path: '/phone_numbers', hang: true });
      const closed = new AbortController();
      const sent = fake().requests.length;
      const loading = connection.loadAll(closed.signal);
      await fake().received(sent + 2);
      closed.abort();
      assert.equal((await vogentError(loading)).kind, 'cancelled');
      // Settles only because the hung request was aborted.
      await connection.numbers.idle();
      assert.equal(connection.numbers.error, undefined, 'giving up is not a failure');
      assert.equal(connection.numbers.size, 10);
    });

    it('aborts the first page too when the palette that asked for it closes before it lands', async () => {
      const { connection } = connect(fake(), 10);
      fake().inject({ path: '/phone_numbers', hang: true });
      const closed = new AbortController();
      const loading = connection.loadAll(closed.signal);
      await fake().received(2);
      closed.abort();
      assert.equal((await vogentError(loading)).kind, 'cancelled');
      // Settles only because the hung request was aborted.
      await connection.numbers.idle();
      assert.equal(connection.numbers.error, undefined, 'giving up is not a failure');
      assert.equal(connection.numbers.started, false);
    });

    it('keeps the page in flight going for a view that waits on it too', async () => {
      const { connection } = connect(fake(), 10);
      await connection.show();
      // The second page answers only once the load-all has given up on it.
      const held = gate();
      fake().inject({ path: '/phone_numbers', hold: held.promise });
      const closed = new AbortController();
      const loading = connection.loadAll(closed.signal);
      const filling = connection.fill('PSTN', 30);
      await fake().received(2, '/phone_numbers');
      closed.abort();
      held.release();
      await vogentError(loading);
      await filling;
      assert.ok(connection.numbers.countIn('PSTN') >= 30);
      assert.equal(connection.numbers.error, undefined);
    });

    it('ends as cancelled when the connection is disposed (its workspace removed), even with its key still stored', async () => {
      const { connection } = connect(fake(), 10);
      const loading = connection.loadAll(new AbortController().signal);
      await fake().received(3);
      connection.dispose();
      assert.equal((await vogentError(loading)).kind, 'cancelled');
      const sent = fake().requests.length;
      assert.equal((await vogentError(connection.loadAll(new AbortController().signal))).kind, 'cancelled');
      assert.equal(fake().requests.length, sent, 'a removed workspace sent a request');
    });
  });
});
