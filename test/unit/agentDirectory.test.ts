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
    assert.equal(fake().requests.length, 3, 'loaded once');
    assert.equal(agents.get('agent_230')?.name, fake().workspace.agents[229].name);
    assert.equal(agents.get('agent_deleted_9f3'), undefined);
  });

  it('stops on a repeated cursor', async () => {
    fake().inject({ path: '/agents', repeatCursor: true, times: 5 });
    const error = await vogentError(directoryFor(fake()).load());
    assert.match(error.message, /repeated a page cursor while listing agents/);
  });

  it('keeps a failure to show, and loads again when asked again', async () => {
    const agents = directoryFor(fake());
    fake().inject({ status: 503 });
    const failure = await vogentError(agents.load());
    assert.equal(agents.error, failure);
    assert.equal(fake().requests.length, 1, 'the failure was not retried on its own');
    assert.equal((await agents.load()).size, 230);
    assert.equal(agents.error, undefined);
    assert.equal(agents.loaded, true);
  });
});
