import * as assert from 'node:assert/strict';
import { agentName, describeNumber, groupDescription, groupLabel, type AgentLookup } from '../../src/numbers/presentation';
import type { Agent } from '../../src/vogent/shapes';

function lookup(agents: Agent[], loaded = true): AgentLookup {
  const byId = new Map(agents.map((a) => [a.id, a]));
  return { loaded, get: (id) => byId.get(id) };
}

const frontDesk: Agent = { id: 'agent_1', name: 'Front Desk', language: 'en-US' };

describe('presentation', () => {
  it('names groups as a user would', () => {
    assert.deepEqual(
      ['PSTN', 'SIP_USERNAME', 'WHATSAPP', ''].map(groupLabel),
      ['PSTN numbers', 'SIP usernames', 'WHATSAPP', 'Numbers without a type'],
    );
  });

  it('says a count is partial until every page is loaded', () => {
    assert.equal(groupDescription(67, false), '67 so far');
    assert.equal(groupDescription(167, true), '167');
  });

  it('names the linked agent, an unknown one by id, or none', () => {
    const agents = lookup([frontDesk]);
    assert.equal(agentName('agent_1', agents), 'Front Desk');
    assert.equal(agentName('agent_gone', agents), 'agent_gone (unknown agent)');
    assert.equal(agentName('agent_gone', lookup([], false)), 'agent_gone', 'not marked unknown before agents are loaded');
    assert.equal(agentName(null, agents), 'no agent');
  });

  it('describes a linked PSTN number', () => {
    const view = describeNumber({ id: 'pn_1', number: '+15550000001', type: 'PSTN', agentId: 'agent_1' }, lookup([frontDesk]));
    assert.equal(view.label, '+15550000001');
    assert.equal(view.description, 'Front Desk');
    assert.equal(view.contextValue, 'phoneNumber pstn linked');
    assert.deepEqual(view.icon, { id: 'device-mobile', color: 'charts.green' });
    assert.match(view.tooltip, /\\\+15550000001/);
    assert.match(view.tooltip, /Type: PSTN/);
    assert.match(view.tooltip, /ID: `pn_1`/);
    assert.match(view.tooltip, /Agent: Front Desk \(`agent_1`\)/);
  });

  it('tells unlinked and SIP numbers apart by icon and context', () => {
    const sip = describeNumber({ id: 's', number: 'desk-1', type: 'SIP_USERNAME', agentId: null }, lookup([]));
    assert.equal(sip.description, 'no agent');
    assert.equal(sip.contextValue, 'phoneNumber sip unlinked');
    assert.deepEqual(sip.icon, { id: 'plug', color: 'disabledForeground' });
    assert.match(sip.tooltip, /Agent: none linked/);
    const other = describeNumber({ id: 'o', number: 'x', type: undefined, agentId: null }, lookup([]));
    assert.equal(other.contextValue, 'phoneNumber other unlinked');
    assert.match(other.tooltip, /Type: No type/);
  });

  it('escapes markdown in what the API sent', () => {
    const view = describeNumber({ id: 'i', number: '*bold* [x](y)', type: 'PSTN', agentId: null }, lookup([]));
    assert.ok(view.tooltip.includes('\\*bold\\* \\[x\\]\\(y\\)'));
  });
});
