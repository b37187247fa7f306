// Starts VS Code in the browser with the extension loaded, for a person to open; Ctrl-C stops it.
// Usage: node test/host/serve.mjs [--extension <dir>] [--workspace <dir>] [--port <n>]
// (extension defaults to the project root; its `main` must be built first)
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from './host.mjs';
import { ROOT } from './provision.mjs';

const { values: opts } = parseArgs({
  options: { extension: { type: 'string' }, workspace: { type: 'string' }, port: { type: 'string', default: '0' } },
});
const server = await startServer({
  extensionPath: path.resolve(opts.extension ?? ROOT),
  workspace: opts.workspace && path.resolve(opts.workspace),
  port: Number(opts.port),
});
console.log(`VS Code with the extension under development: ${server.url}`);
console.log('Press Ctrl-C to stop.');
