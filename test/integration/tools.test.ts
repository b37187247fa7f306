import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { linkPhoneNumber } from '../../src/tools/linkPhoneNumber';
import { sampleWorkspace, type Workspace } from '../fake-api/data';
import type { FakeVogent } from '../fake-api/server';
import { extension, removeKey, rows, useVogent } from './support';

/** Invokes a tool as agent mode would, outside a chat (no model needed), and returns its text. */
async function ask(tool: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(tool, { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

function workspace(): Workspace {
  const sample = sampleWorkspace(250);
  // Two agents with one name: a name that cannot be told apart.
  sample.agents.push({ id: 'agent_fd_2', name: 'Front Desk', language: 'en-GB' });
  return sample;
}

const puts = (requests: FakeVogent['requests']) => requests.filter((r) => r.method === 'PUT');

describe('Agent-mode tools', () => {
  const fake = useVogent({ workspace });

  it('finds a number written with spaces, with its agent', async () => {
    const target = fake().workspace.numbers[3];
    const text = await ask('vogent_findPhoneNumbers', { query: `+1 555 ${target.number.slice(5, 8)} ${target.number.slice(8)}` });
    const [head, line] = text.split('\n');
    assert.equal(head, '1 of 250 numbers match');
    assert.match(line, new RegExp(`^\\${target.number} \\(\\+1 555 \\d{3} \\d{4}\\) · PSTN · id ${target.id} · agent `));
  });

  it('finds a number by its id on the last page', async () => {
    const last = fake().workspace.numbers[249];
    const text = await ask('vogent_findPhoneNumbers', { query: last.id });
    assert.match(text, new RegExp(`id ${last.id}`));
    assert.equal(fake().requests.filter((r) => r.path === '/phone_numbers').length, 3, 'every page, once');
  });

  it('lists every number of an agent across pages', async () => {
    const agent = fake().workspace.agents[1];
    const text = await ask('vogent_findPhoneNumbers', { agent: agent.name.toUpperCase(), limit: 500 });
    const theirs = fake().workspace.numbers.filter((n) => n.agentId === agent.id);
    const lines = text.split('\n');
    assert.equal(lines[0], `${theirs.length} of 250 numbers match`);
    assert.deepEqual(lines.slice(1).map((l) => /· id (\S+) ·/.exec(l)?.[1]), theirs.map((n) => n.id));
  });

  it('says how many were left out when more match than the limit', async () => {
    const unlinked = fake().workspace.numbers.filter((n) => n.agentId === null).length;
    const text = await ask('vogent_findPhoneNumbers', { linked: false, limit: 3 });
    const lines = text.split('\n');
    assert.equal(lines[0], `${unlinked} of 250 numbers match; 3 listed, ${unlinked - 3} left out: narrow with query, agent, type or linked, or raise limit (at most 500).`);
    assert.equal(lines.length, 4);
    assert.ok(lines.slice(1).every((l) => l.endsWith('· no agent')));
  });

  it('lists the candidates of an ambiguous agent name instead of guessing', async () => {
    const text = await ask('vogent_findPhoneNumbers', { agent: 'front desk' });
    assert.equal(text, '"front desk" matches 2 agents; ask which one, or pass its id: Front Desk (id agent_001); Front Desk (id agent_fd_2).');
  });

  it('asks to confirm a link, naming the number, its agent now and the new one; then sends one PUT', async () => {
    const { workspaces } = await extension();
    const number = fake().workspace.numbers.find((n) => n.type === 'PSTN' && n.agentId === 'agent_002');
    assert.ok(number);
    const tool = linkPhoneNumber(workspaces);
    const token = new vscode.CancellationTokenSource().token;
    const prepared = await tool.prepareInvocation?.({ input: { number: number.number, agent: 'billing helpline' } }, token);
    const message = prepared?.confirmationMessages?.message;
    assert.equal(typeof message === 'string' ? message : message?.value, `${number.number} is answered by Appointment Reminders (id agent_002) now. After this it will be answered by Billing Helpline (id agent_003).`);
    assert.equal(puts(fake().requests).length, 0, 'nothing changes before the user confirms');
    const text = await ask('vogent_linkPhoneNumber', { number: number.id, agent: 'agent_003' });
    assert.equal(text, `${number.number} is now linked to Billing Helpline (id agent_003); before, it was answered by Appointment Reminders (id agent_002).`);
    assert.deepEqual(puts(fake().requests).map((r) => [r.path, r.body]), [[`/phone_numbers/${number.id}`, { agentId: 'agent_003' }]]);
  });

  it('says why when Vogent refuses the change, and the number keeps its agent', async () => {
    const number = fake().workspace.numbers.find((n) => n.type === 'PSTN' && n.agentId === 'agent_002');
    assert.ok(number);
    fake().inject({ method: 'PUT', status: 422, body: { message: 'number is being ported' } });
    const text = await ask('vogent_linkPhoneNumber', { number: number.number, agent: 'agent_003' });
    assert.equal(text, `Changing the agent of ${number.number} failed: Vogent refused the request (422): number is being ported`);
    assert.equal(puts(fake().requests).length, 1);
    assert.equal((await extension()).connection.numbers.get(number.id)?.agentId, 'agent_002');
  });

  it('does only what the user confirmed: when the agent named has come to mean another meanwhile, nothing changes', async () => {
    const { workspaces, connection } = await extension();
    const number = fake().workspace.numbers.find((n) => n.type === 'PSTN' && n.agentId === 'agent_002');
    assert.ok(number);
    const tool = linkPhoneNumber(workspaces);
    const token = new vscode.CancellationTokenSource().token;
    const input = { number: number.number, agent: 'Billing Helpline' };
    await tool.prepareInvocation?.({ input }, token);
    const [billing, triage] = ['agent_003', 'agent_004'].map((id) => fake().workspace.agents.find((a) => a.id === id));
    assert.ok(billing && triage);
    [billing.name, triage.name] = ['Billing (old line)', 'Billing Helpline'];
    await connection.refresh();
    const result = await tool.invoke({ input, toolInvocationToken: undefined }, token);
    const text = (result?.content ?? []).map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
    assert.equal(text, `Nothing was changed: since the confirmation, the number or agent asked for has come to mean another one (it would now be ${number.number} to Billing Helpline (id agent_004)). Ask again to confirm that.`);
    assert.equal(puts(fake().requests).length, 0);
  });

  it('changes nothing it could not ask the user to confirm: the check failed at first, then passed', async () => {
    const { workspaces, connection } = await extension();
    const tool = linkPhoneNumber(workspaces);
    const token = new vscode.CancellationTokenSource().token;
    // A number bought in the dashboard after the listing was loaded: not found, so no confirmation is shown.
    const bought = { id: 'pn_bought_1', number: '+15559990001', type: 'PSTN', agentId: null };
    const input = { number: bought.number, agent: 'Billing Helpline' };
    const prepared = await tool.prepareInvocation?.({ input }, token);
    assert.equal(prepared?.confirmationMessages, undefined, 'no confirmation could be shown');
    fake().workspace.numbers.push(bought);
    await connection.refresh();
    const result = await tool.invoke({ input, toolInvocationToken: undefined }, token);
    const text = (result?.content ?? []).map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
    assert.equal(text, 'Nothing was changed: the user was not asked to confirm this change, since checking it failed at first. Ask again, so that they can confirm it.');
    assert.equal(puts(fake().requests).length, 0);
  });

  it('unlinks with an empty agent, and changes nothing for an unknown number or agent', async () => {
    const number = fake().workspace.numbers.find((n) => n.agentId === 'agent_002');
    assert.ok(number);
    assert.match(await ask('vogent_linkPhoneNumber', { number: '+1 999 000 0000', agent: 'agent_003' }), /^No phone number of this Vogent workspace is "\+1 999 000 0000"/);
    assert.match(await ask('vogent_linkPhoneNumber', { number: number.id, agent: 'Nobody' }), /^No agent of this Vogent workspace is named "Nobody"/);
    assert.match(await ask('vogent_linkPhoneNumber', { number: number.id, agent: 'Front Desk' }), /matches 2 agents/);
    assert.equal(puts(fake().requests).length, 0);
    assert.match(await ask('vogent_linkPhoneNumber', { number: number.number, agent: '' }), /is now unlinked/);
    assert.deepEqual(puts(fake().requests).map((r) => r.body), [{ agentId: '' }]);
  });

  it('says in one sentence when there is no key, or Vogent rejects it, and sends nothing', async () => {
    fake().apiKeys.clear();
    const ext = await extension();
    ext.connection.reset();
    assert.deepEqual(await rows(), []);
    const sent = fake().requests.length;
    assert.equal(await ask('vogent_findPhoneNumbers', {}), 'Vogent rejected the API key set in VS Code. Ask the user to run "Vogent: Set API Key…" to replace it, then try again.');
    assert.equal(fake().requests.length, sent);
    await removeKey();
    assert.equal(await ask('vogent_linkPhoneNumber', { number: '1', agent: '' }), 'No Vogent API key is set in VS Code. Ask the user to run "Vogent: Set API Key…" and try again.');
  });
});
