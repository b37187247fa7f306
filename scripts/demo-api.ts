// The demo API: the project's fake Vogent API with fictional sample data, for trying the extension
// without a Vogent account. Usage: npm run demo-api [-- --port 4010 --numbers 240 --latency 150]
// With --user-data-dir DIR it also points that VS Code profile's vogent.apiBaseUrl at itself (the
// desktop launch configuration uses this).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEMO_API_KEY, DEMO_STAGING_KEY, startDemoApi } from '../test/fake-api/demo';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));

function pointProfileAt(userDataDir: string, url: string): void {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const settings = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  fs.writeFileSync(file, JSON.stringify({ ...settings, 'vogent.apiBaseUrl': url }, null, 2));
}

startDemoApi({ port: number(flag('port')), numbers: number(flag('numbers')), latencyMs: number(flag('latency')) }).then(
  (api) => {
    const profile = flag('user-data-dir');
    if (profile) pointProfileAt(profile, api.url);
    console.log(`Demo Vogent API at ${api.url}`);
    console.log(`API key for the demo: ${DEMO_API_KEY} (any other key is rejected, to show that state)`);
    console.log(`A second demo workspace, for "Vogent: Add Workspace…": ${DEMO_STAGING_KEY}`);
    console.log('Press Ctrl-C to stop.');
    const stop = () => void api.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (error: unknown) => {
    console.error(`Could not start the demo API: ${String(error)}`);
    process.exit(1);
  },
);
