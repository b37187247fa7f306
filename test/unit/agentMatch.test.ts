import * as assert from 'node:assert/strict';
import { matchAgent } from '../../src/numbers/agentMatch';
import { matchLine, numberLine } from '../../src/numbers/numberLines';
import type { Agent } from '../../src/vogent/shapes';

const agents: Agent[] = [
  { id: 'agent_fd', name: 'Front Desk', language: 'en-US' },
  { id: 'agent_fd2', name: 'Front Desk Spanish', language: 'es-US' },
  { id: 'agent_bill', name: 'Billing Helpline', language: undefined },
];

describe('matchAgent', () => {
  it('takes an id, then an exact name in any case, then the one name that contains the text', () => {
    assert.deepEqual(matchAgent('AGENT_BILL', agents), { agent: agents[2] });
    assert.deepEqual(matchAgent(' front desk ', agents), { agent: agents[0] }, 'an exact name wins over a longer one');
    assert.deepEqual(matchAgent('spanish', agents), { agent: agents[1] });
  });

  it('lists the candidates rather than guessing, and says when none matches', () => {
    assert.deepEqual(matchAgent('desk', agents), { candidates: [agents[0], agents[1]] });
    assert.deepEqual(matchAgent('Dispatch', agents), { none: true });
  });
});

describe('numberLine', () => {
  const lookup = { loaded: true, get: (id: string) => agents.find((a) => a.id === id) };

  it('names every field, for a model to read', () => {
    assert.equal(numberLine({ id: 'pn_1', number: '+12126987091', type: 'PSTN', agentId: 'agent_fd' }, lookup), '+12126987091 (+1 212 698 7091) · PSTN · id pn_1 · agent Front Desk (id agent_fd)');
    assert.equal(numberLine({ id: 'pn_2', number: 'desk-1', type: 'SIP_USERNAME', agentId: 'gone' }, lookup, 'Staging'), 'desk-1 (desk-1) · SIP username · id pn_2 · agent gone (no such agent: deleted?) · workspace Staging');
  });

  it('states the totals, and how to narrow when lines were left out', () => {
    assert.equal(matchLine(1, 1, 1), '1 of 1 number match');
    assert.match(matchLine(50, 1234, 100_000), /^1,234 of 100,000 numbers match; 50 listed, 1,184 left out: narrow/);
  });
});
