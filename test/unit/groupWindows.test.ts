import * as assert from 'node:assert/strict';
import { GroupWindows } from '../../src/numbers/groupWindows';

describe('GroupWindows (what part of each group a view shows)', () => {
  let pageSize = 100;
  const windows = () => new GroupWindows(() => pageSize);
  beforeEach(() => (pageSize = 100));

  it('shows a page after expanding, with a row offering what is loaded but not shown', () => {
    const w = windows();
    assert.deepEqual(w.rows('PSTN', { loaded: 134, complete: false, failed: false }), {
      start: 0,
      end: 100,
      earlier: 0,
      last: { kind: 'more', hidden: 34, loaded: 134 },
    });
  });

  it('grows by a page per "Show more" once the window is full, and not before', () => {
    const w = windows();
    assert.deepEqual(w.showMore('PSTN', 60), { start: 0, end: 100 }, 'a page not yet loaded is filled, not grown past');
    assert.deepEqual(w.showMore('PSTN', 134), { start: 0, end: 200 });
    assert.deepEqual(w.of('SIP_USERNAME'), { start: 0, end: 100 }, 'each group has its own window');
  });

  it('ends with no row once every number is shown, and with the failure once the window cannot be filled', () => {
    const w = windows();
    w.showMore('PSTN', 150);
    assert.deepEqual(w.rows('PSTN', { loaded: 150, complete: true, failed: false }).last, { kind: 'none' });
    assert.deepEqual(w.rows('PSTN', { loaded: 150, complete: false, failed: true }).last, { kind: 'error' });
    assert.deepEqual(w.rows('PSTN', { loaded: 250, complete: false, failed: true }).last, { kind: 'more', hidden: 50, loaded: 250 }, 'loaded numbers come first');
  });

  it('brings a revealed number into view: the next page grows the window, a page far down replaces it', () => {
    const w = windows();
    w.reveal('PSTN', 42);
    assert.deepEqual(w.of('PSTN'), { start: 0, end: 100 }, 'already shown');
    w.reveal('PSTN', 150);
    assert.deepEqual(w.of('PSTN'), { start: 0, end: 200 });
    w.reveal('PSTN', 4_321);
    assert.deepEqual(w.of('PSTN'), { start: 4_300, end: 4_400 });
    assert.equal(w.rows('PSTN', { loaded: 5_000, complete: true, failed: false }).earlier, 100);
    w.reveal('PSTN', -1);
    assert.deepEqual(w.of('PSTN'), { start: 4_300, end: 4_400 }, 'a number not loaded moves nothing');
  });

  it('"Show earlier" goes back a page at a time, down to the first', () => {
    const w = windows();
    w.reveal('PSTN', 150);
    w.reveal('PSTN', 250);
    w.reveal('PSTN', 1_050);
    w.showEarlier('PSTN');
    assert.deepEqual(w.of('PSTN'), { start: 900, end: 1_100 });
    pageSize = 1_000;
    w.showEarlier('PSTN');
    assert.deepEqual(w.of('PSTN'), { start: 0, end: 1_100 }, 'not before the first number');
    assert.equal(w.rows('PSTN', { loaded: 2_000, complete: true, failed: false }).earlier, 0);
  });

  it('starts every group from a page again for a new listing, at its page size', () => {
    const w = windows();
    w.showMore('PSTN', 500);
    w.clear();
    pageSize = 50;
    assert.deepEqual(w.of('PSTN'), { start: 0, end: 50 });
  });
});
