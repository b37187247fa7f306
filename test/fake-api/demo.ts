// The demo workspace: the fake Vogent API with fictional data, for trying the extension without an account.
import { sampleWorkspace } from './data';
import { startFakeVogent, type FakeVogent } from './server';

export const DEMO_API_KEY = 'demo-key';
/** A second demo workspace, to try several side by side (Vogent: Add Workspace…). */
export const DEMO_STAGING_KEY = 'demo-key-staging';

export interface DemoOptions {
  port?: number;
  numbers?: number;
  latencyMs?: number;
}

export function startDemoApi(options: DemoOptions = {}): Promise<FakeVogent> {
  return startFakeVogent({
    workspace: sampleWorkspace(options.numbers ?? 240, 8),
    apiKeys: [DEMO_API_KEY],
    others: { [DEMO_STAGING_KEY]: sampleWorkspace(90, 4, 'stg') },
    port: options.port ?? 4010,
    latencyMs: options.latencyMs ?? 150,
  });
}
