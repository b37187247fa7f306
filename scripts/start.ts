// npm start: the demo API with fictional data, and VS Code in the browser with the extension loaded and
// pointed at it. Prints the URL to open; Ctrl-C stops both.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO_API_KEY, DEMO_STAGING_KEY, startDemoApi } from '../test/fake-api/demo';

interface HostModule {
  startServer(options: { extensionPath: string; workspace?: string; settings: Record<string, unknown>; port?: number }): Promise<{
    url: string;
    close(): Promise<void>;
  }>;
}

const ROOT = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 0);
  const api = await startDemoApi({ port: 0 });
  const host = (await import(pathToFileURL(path.join(ROOT, 'test', 'host', 'host.mjs')).href)) as HostModule;
  const server = await host.startServer({
    extensionPath: ROOT,
    workspace: ROOT,
    settings: { 'vogent.apiBaseUrl': api.url },
    port,
  });
  console.log(`\nVS Code with the Vogent extension: ${server.url}\n`);
  console.log(`Demo API: ${api.url} (fictional data). When the view asks for a key, use: ${DEMO_API_KEY}`);
  console.log(`A second demo workspace, for "Vogent: Add Workspace…": ${DEMO_STAGING_KEY}`);
  console.log('Press Ctrl-C to stop.');
  // The host module stops its server on Ctrl-C; the demo API goes with this process.
  process.on('exit', () => void api.close());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
