// Measures activation in the headless VS Code: one fresh host per run, a probe suite does the timing.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

interface Probe {
  activationMs: number;
  endToEndMs: number;
  requestsBeforeView: number;
  requestsAfterView: number;
}

interface HostModule {
  startHost(options: { extensionPath: string; testsPath: string; onLog: (level: string, message: string) => void }): Promise<{
    exitCode: Promise<number>;
    close(): Promise<void>;
  }>;
}

export async function measureActivation(root: string, runs: number) {
  // Loaded at run time: the host module is plain ESM kept out of this bundle.
  const host = (await import(pathToFileURL(path.join(root, 'test', 'host', 'host.mjs')).href)) as HostModule;
  const probes: Probe[] = [];
  for (let run = 0; run < runs; run++) {
    let probe: Probe | undefined;
    const session = await host.startHost({
      extensionPath: root,
      testsPath: path.join(root, 'out', 'scripts', 'activationProbe.js'),
      onLog: (_level, message) => {
        const match = /VOGENT_BENCH (\{.*\})/.exec(message);
        if (match) probe = JSON.parse(match[1]) as Probe;
      },
    });
    try {
      const code = await session.exitCode;
      if (code !== 0 || !probe) throw new Error(`the activation probe failed (exit ${code})`);
      probes.push(probe);
    } finally {
      await session.close();
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const activation = median(probes.map((p) => p.activationMs));
  const seen = probes.map((p) => p.endToEndMs).filter((ms) => typeof ms === 'number' && Number.isFinite(ms));
  const endToEnd = seen.length > 0 ? median(seen) : Number.NaN;
  const before = Math.max(...probes.map((p) => p.requestsBeforeView));
  const after = median(probes.map((p) => p.requestsAfterView));
  return [
    { figure: 'activate() in the real extension host', value: `${activation.toFixed(1)} ms`, target: '≤ 10 ms', raw: activation },
    { figure: 'activation end to end (load bundle, context, activate)', value: Number.isNaN(endToEnd) ? 'n/a: active at startup' : `${endToEnd.toFixed(1)} ms`, target: 'reported', raw: endToEnd },
    { figure: 'requests before the view is shown', value: String(before), target: '0', raw: before },
    { figure: 'requests once the view is shown', value: String(after), target: '≥ 1 (first page)', raw: after },
  ];
}
