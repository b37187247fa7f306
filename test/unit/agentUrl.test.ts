import * as assert from 'node:assert/strict';
import { agentUrl } from '../../src/vogent/agentUrl';

describe('agentUrl', () => {
  it('puts the URL-encoded agent id in place of {agentId}', () => {
    assert.equal(agentUrl('https://app.vogent.ai/agents/{agentId}', 'agent_1'), 'https://app.vogent.ai/agents/agent_1');
    assert.equal(agentUrl('https://x.test/a/{agentId}?again={agentId}', 'a/b c?'), 'https://x.test/a/a%2Fb%20c%3F?again=a%2Fb%20c%3F');
  });

  it('refuses a template without the placeholder', () => {
    const result = agentUrl('https://app.vogent.ai/agents/', 'a');
    assert.ok(result instanceof Error);
    assert.match(result.message, /must contain \{agentId\}/);
  });

  it('refuses anything but http(s)', () => {
    for (const template of ['javascript:alert({agentId})', 'file:///etc/{agentId}', 'vscode://x/{agentId}']) {
      const result = agentUrl(template, 'a');
      assert.ok(result instanceof Error, template);
      assert.match(result.message, /http\(s\) URL/);
    }
  });

  it('refuses a template that is not a URL', () => {
    const result = agentUrl('agents/{agentId}', 'a');
    assert.ok(result instanceof Error);
    assert.match(result.message, /not give a valid URL/);
  });
});
