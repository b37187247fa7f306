import * as assert from 'node:assert/strict';
import { NumberIndex } from '../../src/numbers/numberIndex';
import type { AgentLookup } from '../../src/numbers/presentation';
import type { Agent, PhoneNumber } from '../../src/vogent/shapes';
import { sampleWorkspace } from '../fake-api/data';

const agentList: Agent[] = [
  { id: 'agent_fd', name: 'Front Desk', language: 'en-US' },
  { id: 'agent_bill', name: 'Billing Helpline', language: 'en-US' },
];
const agents: AgentLookup = { loaded: true, get: (id) => agentList.find((a) => a.id === id) };

function indexOf(numbers: PhoneNumber[]): NumberIndex {
  const index = new NumberIndex();
  for (const number of numbers) index.put(number);
  return index;
}

const numbers: PhoneNumber[] = [
  { id: 'pn_a', number: '+14155550100', type: 'PSTN', agentId: 'agent_fd' },
  { id: 'pn_b', number: '+14155550199', type: 'PSTN', agentId: null },
  { id: 'pn_c', number: '+442097210912', type: 'PSTN', agentId: 'agent_bill' },
  { id: 'pn_d', number: 'desk-415', type: 'SIP_USERNAME', agentId: 'agent_fd' },
  { id: 'pn_e', number: '+12126987091', type: 'PSTN', agentId: 'agent_gone' },
];

const found = (index: NumberIndex, query: string, limit = 50) => {
  const result = index.search(query, { limit, agents });
  return { ids: result.matches.map((n) => n.id), total: result.total };
};

describe('NumberIndex', () => {
  it('finds a number by its digits whatever the separators', () => {
    const index = indexOf(numbers);
    for (const query of ['415 555', '(415) 555-01', '+1415555', '4155550100', '+1 415-555-0100']) {
      assert.ok(found(index, query).ids.includes('pn_a'), query);
    }
    assert.deepEqual(found(index, '+1 (415) 555-0100').ids, ['pn_a'], 'exactly one number has these digits');
    assert.equal(index.byNumber('+1 415 555 0100')?.id, 'pn_a');
    assert.equal(index.byNumber('+1 415 555 0101'), undefined);
  });

  it('matches a name with letters (a SIP username) as text, never by the digits among its letters', () => {
    const index = indexOf([
      { id: 'sip_desk', number: 'desk-415', type: 'SIP_USERNAME', agentId: null },
      { id: 'sip_user', number: 'user1', type: 'SIP_USERNAME', agentId: null },
      { id: 'pn_415', number: '+4155512345', type: 'PSTN', agentId: null },
      { id: 'sip_ext', number: '1001', type: 'SIP_USERNAME', agentId: null },
    ]);
    assert.deepEqual(found(index, '415').ids, ['pn_415', 'sip_desk'], 'the number that starts with 415, then the name that holds it');
    assert.deepEqual(found(index, '1').ids, ['sip_ext', 'sip_desk', 'sip_user', 'pn_415'], 'the one that starts with 1, then the rest in API order');
    assert.deepEqual(found(index, '1001').ids, ['sip_ext'], 'a name of digits only is its digits');
    assert.equal(index.byNumber('415'), undefined);
  });

  it('ranks exact matches first, then prefixes, then the rest, each in API order', () => {
    const index = indexOf(numbers);
    // "14155550199" is exact for pn_b; pn_a only shares the prefix "141555501".
    assert.deepEqual(found(index, '141555501').ids, ['pn_a', 'pn_b']);
    assert.deepEqual(found(index, '14155550199').ids, ['pn_b']);
    assert.deepEqual(found(index, '555').ids, ['pn_a', 'pn_b']);
    assert.deepEqual(found(index, 'pn_d').ids, ['pn_d']);
    assert.deepEqual(found(index, 'desk').ids, ['pn_d', 'pn_a'], 'a number that starts so, then one whose agent is Front Desk');
  });

  it('matches the agent name, the type and the id as text', () => {
    const index = indexOf(numbers);
    assert.deepEqual(found(index, 'front desk').ids, ['pn_a', 'pn_d']);
    assert.deepEqual(found(index, 'billing').ids, ['pn_c']);
    assert.deepEqual(found(index, 'agent_gone').ids, ['pn_e'], 'an unknown agent by its id');
    assert.deepEqual(found(index, 'sip').ids, ['pn_d']);
    assert.deepEqual(found(index, 'PN_').ids.length, 5);
  });

  it('matches the type as the pickers show it, an agent by its id also once names are loaded, and a number written nationally', () => {
    const index = indexOf(numbers);
    assert.deepEqual(found(index, 'SIP username').ids, ['pn_d']);
    assert.deepEqual(found(index, 'agent_bill').ids, ['pn_c'], 'the agent is known by its name too');
    const withDigits = indexOf([{ id: 'pn_x', number: '+12125550100', type: 'PSTN', agentId: 'agent_9415a' }]);
    const named: AgentLookup = { loaded: true, get: (id) => ({ id, name: 'Desk', language: undefined }) };
    assert.equal(withDigits.search('9415', { limit: 5, agents: named }).total, 0, 'digits typed are not looked for in an agent id');
    assert.deepEqual(found(index, '020 9721 0912').ids, ['pn_c'], 'after its trunk zero');
  });

  it('returns the first K matches and how many match in all', () => {
    const index = indexOf(sampleWorkspace(5_000).numbers);
    const all = found(index, '', 200);
    assert.equal(all.ids.length, 200);
    assert.equal(all.total, 5_000);
    const pstn = index.search('+1555', { limit: 10, agents });
    assert.equal(pstn.matches.length, 10);
    assert.equal(pstn.total, index.countIn('PSTN'));
    const unlinked = index.search('', { limit: 3, agents, only: (n) => n.agentId === null });
    assert.equal(unlinked.total, index.countFor(null));
    assert.ok(unlinked.matches.every((n) => n.agentId === null));
  });

  it('keeps counts per group and per agent, and a link moves a number between agents in API order', () => {
    const index = indexOf(numbers);
    assert.equal(index.countIn('PSTN'), 4);
    assert.equal(index.countIn('SIP_USERNAME'), 1);
    assert.equal(index.countFor('agent_fd'), 2);
    index.put({ ...numbers[1], agentId: 'agent_fd' });
    assert.equal(index.countFor('agent_fd'), 3);
    assert.equal(index.countFor(null), 0);
    assert.deepEqual(index.numbersFor('agent_fd').map((n) => n.id), ['pn_a', 'pn_b', 'pn_d']);
    assert.equal(index.get('pn_b')?.agentId, 'agent_fd');
    assert.equal(index.size, 5, 'an update adds nothing');
  });

  it('moves a number whose type or digits changed to its new group and lookup, keeping API order', () => {
    const index = indexOf(numbers);
    index.put({ ...numbers[0], type: 'SIP_USERNAME', number: '+14155550111' });
    assert.deepEqual(index.numbersIn('PSTN').map((n) => n.id), ['pn_b', 'pn_c', 'pn_e']);
    assert.deepEqual(index.numbersIn('SIP_USERNAME').map((n) => n.id), ['pn_a', 'pn_d']);
    assert.equal(index.positionInGroup('pn_a'), 0);
    assert.equal(index.byNumber('+14155550100'), undefined);
    assert.equal(index.byNumber('+1 415 555 0111')?.id, 'pn_a');
  });

  it('gives a window of a group without the rest', () => {
    const index = indexOf(sampleWorkspace(1_000).numbers);
    const window = index.numbersIn('PSTN', 100, 200);
    assert.equal(window.length, 100);
    assert.deepEqual(window[0], index.numbersIn('PSTN')[100]);
  });

  it('gives the same results when a search resumes over numbers added since as a search from scratch', () => {
    const all = sampleWorkspace(3_000).numbers;
    const growing = new NumberIndex();
    const queries = ['+1 555 000 2', '555', 'front', 'sip', '', 'pn_01'];
    const only = (n: PhoneNumber) => n.agentId !== null;
    for (let start = 0; start < all.length; start += 500) {
      for (const number of all.slice(start, start + 500)) growing.put(number);
      const fresh = indexOf(all.slice(0, start + 500));
      for (const query of queries) {
        // Each query twice: the second time resumes the scan the first left.
        for (const options of [{ limit: 20, agents }, { limit: 20, agents, only }]) {
          assert.deepEqual(growing.search(query, options), fresh.search(query, options), `${query} after ${start + 500}`);
        }
        assert.deepEqual(growing.search(query, { limit: 20, agents }), fresh.search(query, { limit: 20, agents }), query);
      }
    }
  });

  it('scans again once a number is replaced or the agent names arrive', () => {
    const index = indexOf(numbers);
    let loaded = false;
    const later: AgentLookup = { get loaded() { return loaded; }, get: (id) => (loaded ? agents.get(id) : undefined) };
    assert.deepEqual(index.search('front desk', { limit: 10, agents: later }).matches, []);
    loaded = true;
    assert.deepEqual(index.search('front desk', { limit: 10, agents: later }).matches.map((n) => n.id), ['pn_a', 'pn_d']);
    index.put({ ...numbers[1], agentId: 'agent_fd' });
    assert.deepEqual(index.search('front desk', { limit: 10, agents: later }).matches.map((n) => n.id), ['pn_a', 'pn_b', 'pn_d']);
  });

  it('a record sent again unchanged (overlapping pages) replaces nothing, so searches go on where they were', () => {
    const index = indexOf(numbers);
    index.put({ ...numbers[1] });
    assert.equal(index.revision, 0);
    assert.equal(index.size, numbers.length);
    index.put({ ...numbers[1], agentId: 'agent_fd' });
    assert.equal(index.revision, 1);
  });

  it('finds a number written nationally, without its country code, when only one number ends so', () => {
    const index = indexOf([
      ...numbers,
      { id: 'pn_us_other', number: '+19175550100', type: 'PSTN', agentId: null },
    ]);
    assert.equal(index.find('(212) 698-7091')?.id, 'pn_e');
    assert.equal(index.find('020 9721 0912')?.id, 'pn_c', 'the trunk 0 is not part of the international number');
    assert.equal(index.find('555-0100')?.id, undefined, 'two numbers end so: none is guessed');
    assert.equal(index.find('0100')?.id, undefined, 'too few digits to mean one number');
    assert.equal(index.byNumber('2126987091'), undefined, 'numbers met in documents still need every digit');
  });

  it('finds E.164 numbers and other numbers by digits, names by their text; the first with the same digits wins', () => {
    const index = indexOf([
      { id: 'sip_1', number: '1 415 555 0100', type: 'SIP_USERNAME', agentId: null },
      { id: 'pn_1', number: '+14155550100', type: 'PSTN', agentId: null },
      { id: 'pn_2', number: '+1 415 555 0177', type: 'PSTN', agentId: null },
      { id: 'sip_2', number: 'reception', type: 'SIP_USERNAME', agentId: null },
    ]);
    assert.equal(index.byNumber('4155550100')?.id, undefined, 'digits must all match');
    assert.equal(index.byNumber('+1 (415) 555-0100')?.id, 'sip_1');
    assert.equal(index.byNumber('14155550177')?.id, 'pn_2', 'a number written with spaces, by its digits');
    assert.equal(index.find('reception')?.id, 'sip_2', 'a name, by its text');
    index.put({ id: 'pn_3', number: '+14155550188', type: 'PSTN', agentId: null });
    assert.equal(index.byNumber('+1 415 555 0188')?.id, 'pn_3', 'a number added after the first lookup');
    index.put({ id: 'sip_1', number: 'ext-9', type: 'SIP_USERNAME', agentId: null });
    assert.equal(index.byNumber('+14155550100')?.id, 'pn_1', 'once the first changed, the next with those digits');
    assert.equal(index.find('ext-9')?.id, 'sip_1');
    assert.equal(index.find('tel:+14155550199')?.id, undefined, 'no such number');
    for (const written of ['tel:+14155550100', '+1 415–555–0100', '+1,415,555,0100']) assert.equal(index.find(written)?.id, 'pn_1', written);
    assert.equal(index.find('9'), undefined, 'not by the digits among its letters');
    assert.deepEqual(found(index, '14155550100').ids, ['pn_1']);
    assert.deepEqual(found(index, '1415555').ids, ['pn_1', 'pn_2', 'pn_3']);
    assert.deepEqual(found(index, '55501').ids, ['pn_1', 'pn_2', 'pn_3']);
  });
});
