import * as assert from 'node:assert/strict';
import { agentName, groupDescription, groupLabel, numberTooltip, spokenNumber, type AgentLookup } from '../../src/numbers/presentation';
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

  it('describes a linked PSTN number in its tooltip', () => {
    const tooltip = numberTooltip({ id: 'pn_1', number: '+15550000001', type: 'PSTN', agentId: 'agent_1' }, lookup([frontDesk]));
    assert.match(tooltip, /^\*\*\\\+1 555 000 0001\*\*/);
    assert.match(tooltip, /E\.164: `\+15550000001`/);
    assert.match(tooltip, /Type: PSTN/);
    assert.match(tooltip, /ID: `pn_1`/);
    assert.match(tooltip, /Agent: Front Desk \(`agent_1`\)/);
  });

  it('says an unlinked or untyped number is so', () => {
    assert.match(numberTooltip({ id: 's', number: 'desk-1', type: 'SIP_USERNAME', agentId: null }, lookup([])), /Agent: none linked/);
    assert.match(numberTooltip({ id: 'o', number: 'x', type: undefined, agentId: null }, lookup([])), /Type: No type/);
  });

  it('escapes markdown in what the API sent', () => {
    const tooltip = numberTooltip({ id: 'i', number: '*bold* [x](y)', type: 'PSTN', agentId: null }, lookup([]));
    assert.ok(tooltip.includes('\\*bold\\* \\[x\\]\\(y\\)'));
  });

  it('reads a number to a screen reader in digit groups, with its type and agent', () => {
    const agents = lookup([frontDesk]);
    assert.equal(spokenNumber({ id: 'p', number: '+12126987091', type: 'PSTN', agentId: 'agent_1' }, agents), 'PSTN number +1 212 698 7091, agent Front Desk');
    assert.equal(spokenNumber({ id: 's', number: 'desk-1', type: 'SIP_USERNAME', agentId: null }, agents), 'SIP username desk-1, no agent');
    assert.equal(spokenNumber({ id: 'u', number: '+442097210912', type: 'PSTN', agentId: null }, agents), 'PSTN number +44 20 9721 0912, no agent');
  });
});
