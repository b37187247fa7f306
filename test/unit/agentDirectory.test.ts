import * as assert from 'node:assert/strict';
import { AgentDirectory } from '../../src/numbers/agentDirectory';
import { sampleWorkspace } from '../fake-api/data';
import type { FakeVogent } from '../fake-api/server';
import { clientFor, useFakeVogent, vogentError } from './support';

function directoryFor(fake: FakeVogent): AgentDirectory {
  const client = clientFor(fake);
  return new AgentDirectory((cursor, signal) => client.listAgents({ limit: 100, cursor, signal }));
}

describe('AgentDirectory', () => {
  const fake = useFakeVogent({ workspace: sampleWorkspace(10, 230) });

  it('loads every page of agents once, shared by concurrent callers', async () => {
    const agents = directoryFor(fake());
    const [first, second] = await Promise.all([agents.load(), agents.load()]);
    assert.equal(first, second);
    assert.equal(first.size, 230);
    assert.equal(fake().requests.length, 3);
    await agents.load();
    assert.equal(fake().requests.length, 3, 'cached until reset');
    assert.equal(agents.get('agent_230')?.name, fake().workspace.agents[229].name);
    assert.equal(agents.get('agent_deleted_9f3'), undefined);
  });

  it('loads again after reset', async () => {
    const agents = directoryFor(fake());
    await agents.load();
    agents.reset();
    assert.equal(agents.loaded, false);
    fake().workspace.agents[0] = { ...fake().workspace.agents[0], name: 'Renamed' };
    await agents.load();
    assert.equal(agents.get('agent_001')?.name, 'Renamed');
    assert.equal(fake().requests.length, 6);
  });

  it('stops on a repeated cursor', async () => {
    fake().inject({ path: '/agents', repeatCursor: true, times: 5 });
    const error = await vogentError(directoryFor(fake()).load());
    assert.match(error.message, /repeated a page cursor while listing agents/);
  });

  it('keeps a failure without asking again until reset, then loads', async () => {
    const agents = directoryFor(fake());
    fake().inject({ status: 500 });
    const first = await vogentError(agents.load());
    assert.equal(await vogentError(agents.load()), first);
    assert.equal(agents.error, first);
    assert.equal(fake().requests.length, 1, 'the failure was not retried on its own');
    agents.reset();
    assert.equal((await agents.load()).size, 230);
  });
});
