import * as assert from 'node:assert/strict';
import { CursorTrail } from '../../src/numbers/cursorTrail';
import { NumberPages } from '../../src/numbers/numberPages';
import type { Page, PhoneNumber } from '../../src/vogent/shapes';
import { sampleWorkspace } from '../fake-api/data';
import { gate, type FakeVogent } from '../fake-api/server';
import { clientFor, useFakeVogent, vogentError } from './support';

/** `asked` records each page asked for, as it is asked (before its request goes out). */
function pagesFor(fake: FakeVogent, pageSize = 100, maxPages?: () => number, asked: (string | undefined)[] = []): NumberPages {
  const client = clientFor(fake);
  const fetchPage = (cursor: string | undefined, signal: AbortSignal) => (asked.push(cursor), client.listPhoneNumbers({ limit: pageSize, cursor, signal }));
  return new NumberPages(fetchPage, pageSize, maxPages);
}

const ids = (numbers: Iterable<PhoneNumber>) => [...numbers].map((n) => n.id);
const serverGroup = (fake: FakeVogent, type: string) => ids(fake.workspace.numbers.filter((n) => n.type === type));

describe('NumberPages', () => {
  const fake = useFakeVogent();

  it('loads every page once and groups PSTN before SIP usernames', async () => {
    const pages = pagesFor(fake());
    await pages.loadUntil(() => false);
    assert.equal(fake().requests.length, 3);
    assert.ok(pages.complete);
    assert.deepEqual(pages.groups(), ['PSTN', 'SIP_USERNAME']);
    assert.deepEqual(ids(pages.numbersIn('PSTN')), serverGroup(fake(), 'PSTN'));
    assert.deepEqual(ids(pages.numbersIn('SIP_USERNAME')), serverGroup(fake(), 'SIP_USERNAME'));
    assert.equal(pages.countIn('PSTN'), serverGroup(fake(), 'PSTN').length);
    assert.equal(pages.size, 250);
  });

  it('orders unknown types by name after the known ones, and untyped numbers last', async () => {
    fake().workspace.numbers = [
      { id: '1', number: 'z', type: 'ZULU', agentId: null },
      { id: '2', number: 'n', type: undefined, agentId: null },
      { id: '3', number: 's', type: 'SIP_USERNAME', agentId: null },
      { id: '4', number: 'a', type: 'ALPHA', agentId: null },
      { id: '5', number: 'p', type: 'PSTN', agentId: null },
    ];
    const pages = pagesFor(fake());
    await pages.start();
    assert.deepEqual(pages.groups(), ['PSTN', 'SIP_USERNAME', 'ALPHA', 'ZULU', '']);
  });

  it('lists both documented groups, empty, while pages remain, and drops empty ones at the end', async () => {
    fake().workspace.numbers = sampleWorkspace(30).numbers.map((n) => ({ ...n, type: 'PSTN' }));
    const pages = pagesFor(fake(), 10);
    await pages.start();
    assert.deepEqual(pages.groups().map((key) => [key, pages.countIn(key)]), [['PSTN', 10], ['SIP_USERNAME', 0]]);
    await pages.loadUntil(() => false);
    assert.deepEqual(pages.groups().map((key) => [key, pages.countIn(key)]), [['PSTN', 30]]);
  });

  it('keeps a repeated id once', async () => {
    const numbers = sampleWorkspace(20).numbers;
    fake().workspace.numbers = [...numbers.slice(0, 10), numbers[3], numbers[9], ...numbers.slice(10)];
    const pages = pagesFor(fake(), 10);
    await pages.loadUntil(() => false);
    assert.equal(pages.size, 20);
    assert.deepEqual(ids(pages.index.all()), ids(numbers));
  });

  it('tells listeners which groups a repeated id sent anew changed, so views redraw its row', async () => {
    const numbers = sampleWorkspace(20).numbers;
    const linkedAnew = { ...numbers[3], agentId: 'agent_new' };
    fake().workspace.numbers = [...numbers.slice(0, 10), numbers[9], linkedAnew, ...numbers.slice(10)];
    const pages = pagesFor(fake(), 10);
    const told: (readonly string[])[] = [];
    pages.onDidChange((redraw) => told.push(redraw));
    await pages.loadUntil(() => false);
    assert.deepEqual(told, [[], [numbers[3].type ?? ''], []], 'the page resending number 3 changed, not the one resending 9 as it was');
    assert.equal(pages.get(numbers[3].id)?.agentId, 'agent_new');
  });

  it('a caller that comes just after every other caller gave up on a page asks for it again, not sharing its cancellation', async () => {
    const held = gate();
    fake().inject({ path: '/phone_numbers', hold: held.promise });
    const pages = pagesFor(fake(), 10);
    const closed = new AbortController();
    const picker = pages.loadNextPage(closed.signal);
    await fake().received(1);
    closed.abort();
    // A view filling a group, without a signal, before the given-up request has ended.
    const view = pages.loadNextPage();
    held.release();
    assert.equal((await vogentError(picker)).kind, 'cancelled');
    await view;
    assert.equal(pages.size, 10);
    assert.equal(fake().requests.length, 2);
  });

  it('shares one request among callers that arrive while a page loads', async () => {
    const pages = pagesFor(fake());
    await Promise.all(Array.from({ length: 10 }, () => pages.loadNextPage()));
    assert.equal(fake().requests.length, 1);
    assert.equal(pages.size, 100);
  });

  it('stops with a clear error when the server repeats a cursor, and goes on after a retry', async () => {
    const pages = pagesFor(fake());
    await pages.start();
    fake().inject({ path: '/phone_numbers', repeatCursor: true });
    const error = await vogentError(pages.loadNextPage());
    assert.equal(error.kind, 'bad-response');
    assert.match(error.message, /repeated a page cursor/);
    assert.equal(pages.error, error);
    assert.equal(pages.size, 100, 'the looping page is not applied');
    await pages.loadUntil(() => false);
    assert.ok(pages.complete);
    assert.equal(pages.size, 250);
    assert.equal(pages.error, undefined);
  });

  it('stops a server that never ends at the page limit with a clear error, keeping repeated ids once', async () => {
    let maxPages = 5;
    const pages = pagesFor(fake(), 10, () => maxPages);
    fake().inject({ path: '/phone_numbers', endless: true, times: Infinity });
    const error = await vogentError(pages.loadUntil(() => false));
    assert.equal(error.message, 'Vogent sent 6 pages (60 records) of phone numbers and was still sending more; loading stopped at the vogent.maxPages setting (5).');
    assert.equal(pages.pagesLoaded, 5);
    assert.equal(pages.size, 10, 'the same ten numbers, once');
    assert.equal(fake().requests.length, 6);
    maxPages = 7;
    await vogentError(pages.loadUntil(() => false));
    assert.equal(pages.pagesLoaded, 7, 'a raised limit is read at the next page');
  });

  it('stops past a million records, whatever the page limit', () => {
    const trail = new CursorTrail('phone numbers', () => Infinity);
    trail.accept('a', 500_000);
    trail.accept('b', 500_000);
    assert.throws(() => trail.accept('c', 1), { message: 'Vogent sent 3 pages (1,000,001 records) of phone numbers and was still sending more; loading stopped at 1,000,000 records.' });
  });

  describe('loading every page left', () => {
    it('asks for the next page before the one before it is indexed and told', async () => {
      const asked: (string | undefined)[] = [];
      const pages = pagesFor(fake(), 10, undefined, asked);
      const askedWhenTold: number[] = [];
      pages.onDidChange(() => askedWhenTold.push(asked.length));
      await pages.loadRest(new AbortController().signal);
      assert.deepEqual(askedWhenTold.slice(0, 3), [2, 3, 4]);
      assert.equal(fake().requests.length, 25, 'each page once');
      assert.deepEqual(ids(pages.index.all()), ids(fake().workspace.numbers), 'in API order');
    });

    it('does not read ahead for a group filling (Load more): the user asked for those pages only', async () => {
      const asked: (string | undefined)[] = [];
      const pages = pagesFor(fake(), 10, undefined, asked);
      const askedWhenTold: number[] = [];
      pages.onDidChange(() => askedWhenTold.push(asked.length));
      await pages.fill('PSTN', 30);
      assert.deepEqual(askedWhenTold, askedWhenTold.map((_, i) => i + 1));
      assert.equal(fake().requests.length, askedWhenTold.length);
    });

    it('lands pages in API order even when the next answers at once', async () => {
      const client = clientFor(fake());
      const answers = new Map<string | undefined, Page<PhoneNumber>>();
      for (let cursor: string | undefined, page; !page || cursor; cursor = page.cursor ?? undefined) {
        answers.set(cursor, (page = await client.listPhoneNumbers({ limit: 10, cursor })));
      }
      const pages = new NumberPages(async (cursor) => answers.get(cursor) ?? Promise.reject(new Error(`no page at ${cursor}`)), 10);
      await pages.loadRest(new AbortController().signal);
      assert.deepEqual(ids(pages.index.all()), ids(fake().workspace.numbers));
    });

    it('lands a page whose callers leave as the next is asked for, so no page is lost', async () => {
      const caller = new AbortController();
      const asked: (string | undefined)[] = [];
      const pages = pagesFor(fake(), 10, undefined, asked);
      await pages.start();
      const push = asked.push.bind(asked);
      // Aborts just after the next page is asked for, while the page that named it waits to be indexed.
      asked.push = (...cursors) => (asked.length === 3 && queueMicrotask(() => caller.abort()), push(...cursors));
      assert.equal((await vogentError(pages.loadRest(caller.signal))).kind, 'cancelled');
      await pages.idle();
      assert.equal(pages.size, 30, 'the page that named the aborted one landed');
      assert.equal(pages.error, undefined);
      await pages.loadUntil(() => false);
      assert.deepEqual(ids(pages.index.all()), ids(fake().workspace.numbers));
    });
  });

  it('keeps what was loaded when a page fails, and retries the same cursor', async () => {
    const pages = pagesFor(fake());
    await pages.start();
    fake().inject({ status: 500, body: { message: 'down' } });
    await vogentError(pages.loadNextPage());
    assert.equal(pages.size, 100);
    await pages.loadNextPage();
    const [, failed, retried] = fake().requests;
    assert.equal(retried.query.cursor, failed.query.cursor);
    assert.equal(pages.size, 200);
  });

  it('dispose cancels a load in flight, which is not an error to show', async () => {
    const pages = pagesFor(fake());
    await pages.start();
    fake().inject({ hang: true });
    const inFlight = pages.loadNextPage();
    await fake().received(2);
    pages.dispose();
    assert.equal((await vogentError(inFlight)).kind, 'cancelled');
    assert.equal(pages.error, undefined);
    assert.equal(pages.size, 100);
  });

  it('stops a load-until between pages when the caller\'s signal aborts', async () => {
    const pages = pagesFor(fake(), 10);
    const caller = new AbortController();
    await pages.start();
    pages.onDidChange(() => caller.abort());
    assert.equal((await vogentError(pages.loadUntil(() => false, caller.signal))).kind, 'cancelled');
    assert.equal(fake().requests.length, 2, 'the page in flight when it aborted, and no more');
  });

  describe('per group', () => {
    it('fill loads until the group holds a page\'s worth', async () => {
      const pages = pagesFor(fake(), 30);
      await pages.fill('SIP_USERNAME');
      // Every third number is a SIP username: 30 of them need 90 numbers, three pages of 30.
      assert.equal(pages.numbersIn('SIP_USERNAME').length, 30);
      assert.equal(fake().requests.length, 3);
      await pages.fill('SIP_USERNAME');
      assert.equal(fake().requests.length, 3, 'a filled group loads nothing more');
    });

    it('fill to a larger count grows the group, then stops at the end', async () => {
      const pages = pagesFor(fake());
      await pages.fill('PSTN');
      const before = pages.numbersIn('PSTN').length;
      assert.ok(before >= 100);
      await pages.fill('PSTN', before + 100);
      assert.ok(pages.complete);
      assert.deepEqual(ids(pages.numbersIn('PSTN')), serverGroup(fake(), 'PSTN'));
      assert.equal(fake().requests.length, 3);
      await pages.fill('PSTN', before + 200);
      assert.equal(fake().requests.length, 3, 'nothing is loaded past the end');
    });

    it('ten simultaneous fills of a group send one request per page', async () => {
      const pages = pagesFor(fake(), 10);
      await pages.start();
      const target = pages.countIn('SIP_USERNAME') + 10;
      await Promise.all(Array.from({ length: 10 }, () => pages.fill('SIP_USERNAME', target)));
      const sip = fake().workspace.numbers.map((n) => n.type === 'SIP_USERNAME');
      const sipIn = (pageCount: number) => sip.slice(0, pageCount * 10).filter(Boolean).length;
      let needed = 1;
      while (sipIn(needed) < sipIn(1) + 10) needed++;
      assert.equal(pages.numbersIn('SIP_USERNAME').length, sipIn(needed));
      const cursors = fake().requests.map((r) => r.query.cursor);
      assert.equal(new Set(cursors).size, cursors.length, 'no page was requested twice');
      assert.equal(fake().requests.length, needed);
    });

    it('fills of different groups share the pages they both need', async () => {
      const pages = pagesFor(fake(), 50);
      await Promise.all([pages.fill('PSTN', 50), pages.fill('SIP_USERNAME', 50)]);
      const cursors = fake().requests.map((r) => r.query.cursor);
      assert.equal(new Set(cursors).size, cursors.length);
      assert.ok(pages.numbersIn('PSTN').length >= 50 && pages.numbersIn('SIP_USERNAME').length >= 50);
    });
  });

  it('update replaces a number in place and tells listeners', async () => {
    const pages = pagesFor(fake());
    await pages.start();
    let changes = 0;
    pages.onDidChange(() => changes++);
    const target = [...pages.index.all()][4];
    pages.update({ ...target, agentId: 'agent_001' });
    assert.equal([...pages.index.all()][4].agentId, 'agent_001');
    assert.equal(pages.get(target.id)?.agentId, 'agent_001');
    assert.equal(changes, 1);
    pages.update({ ...target, id: 'not_loaded' });
    assert.equal(pages.get('not_loaded'), undefined, 'a number not loaded is not added by an update');
    assert.equal(changes, 1);
  });
});
