// The demo workspace: the fake Vogent API with fictional data, for trying the extension without an account.
import { sampleWorkspace } from './data';
import { startFakeVogent, type FakeVogent } from './server';

export const DEMO_API_KEY = 'demo-key';

export interface DemoOptions {
  port?: number;
  numbers?: number;
  latencyMs?: number;
}

export function startDemoApi(options: DemoOptions = {}): Promise<FakeVogent> {
  return startFakeVogent({
    workspace: sampleWorkspace(options.numbers ?? 240, 8),
    apiKeys: [DEMO_API_KEY],
    port: options.port ?? 4010,
    latencyMs: options.latencyMs ?? 150,
  });
}
