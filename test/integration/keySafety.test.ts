import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createServer, type Server } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { children, extension, row, rows, setting, stub, useVogent } from './support';

/** A TCP listener that only counts connections: proof that nothing was sent to it. */
async function trap(host: string, port: number): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server: Server = createServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    port: (server.address() as { port: number }).port,
    connections: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('Key safety', () => {
  const fake = useVogent();

  it('refuses plain http to a host that is not loopback, and sends nothing there', async () => {
    // 127.0.0.2 reaches this machine, but is not one of the loopback names the extension allows.
    const trapped = await trap('127.0.0.2', 0);
    const { port } = trapped;
    try {
      await setting('apiBaseUrl', `http://127.0.0.2:${port}/api`);
      const shown = await children();
      assert.equal(row(shown[0]), `Refusing to send the API key to http://127.0.0.2:${port}: the API base URL must use https (plain http only for localhost).`);
      assert.deepEqual(shown.slice(1).map(row), ['Open Settings', 'Show Logs']);
      assert.equal(trapped.connections(), 0);
    } finally {
      await trapped.close();
      await setting('apiBaseUrl', fake().url);
    }
  });

  it("ignores a workspace's .vscode/settings.json that points the key elsewhere", async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'the suite runs in the fixture workspace');
    const workspaceSettings = fs.readFileSync(path.join(folder, '.vscode', 'settings.json'), 'utf8');
    const redirect = /"vogent\.apiBaseUrl":\s*"http:\/\/127\.0\.0\.1:(\d+)\/api"/.exec(workspaceSettings);
    assert.ok(redirect, 'the fixture workspace sets vogent.apiBaseUrl');
    const trapped = await trap('127.0.0.1', Number(redirect[1]));
    try {
      (await extension()).connection.reset();
      assert.equal((await rows()).length, 2);
      assert.ok(fake().requests.length > 0, 'requests went to the user-level URL');
      assert.equal(trapped.connections(), 0, 'nothing went to the workspace-level URL');

      const opened: string[] = [];
      stub(vscode.env, 'openExternal', async (uri: vscode.Uri) => opened.push(uri.toString(true)) > 0);
      const pstn = (await children()).find((n) => n.label === 'PSTN numbers');
      const linked = (await children(pstn)).find((n) => n.contextValue === 'phoneNumber pstn linked');
      await vscode.commands.executeCommand('vogent.openAgent', linked);
      assert.match(opened[0] ?? '', /^https:\/\/app\.vogent\.ai\/agents\//, 'the agent URL template is not taken from the workspace either');
    } finally {
      await trapped.close();
    }
  });
});
