import * as assert from 'node:assert/strict';
import { VogentClient, type ClientOptions } from '../../src/vogent/client';
import { VogentError } from '../../src/vogent/errors';
import { sampleWorkspace } from '../fake-api/data';
import { startFakeVogent, type FakeVogent, type FakeVogentOptions } from '../fake-api/server';

export const KEY = 'vk_live_unit_7Qm2s9XbTz';

/** Starts a fake API for each test of the calling suite and closes it afterwards. */
export function useFakeVogent(options: Partial<FakeVogentOptions> = {}): () => FakeVogent {
  let fake: FakeVogent | undefined;
  beforeEach(async () => {
    fake = await startFakeVogent({ workspace: sampleWorkspace(250), apiKeys: [KEY], ...options });
  });
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });
  return () => {
    if (!fake) throw new Error('the fake API is not running');
    return fake;
  };
}

export function clientFor(fake: FakeVogent, options: Partial<ClientOptions> = {}): VogentClient {
  return new VogentClient({
    baseUrl: fake.url,
    apiKey: async () => KEY,
    userAgent: 'vogent-phone-numbers-tests/0.0.0',
    timeoutMs: 2_000,
    retryLimit: 0,
    ...options,
  });
}

/** Awaits a promise that must reject with a VogentError, and returns that error. */
export async function vogentError(promise: Promise<unknown>): Promise<VogentError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof VogentError, `expected a VogentError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}
