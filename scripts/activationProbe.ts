// Runs inside the headless VS Code for `npm run bench`: times the extension's activation (loading the
// bundle and running activate()), then checks that nothing is requested until the view is shown.
import * as vscode from 'vscode';
import { sampleWorkspace } from '../test/fake-api/data';
import { startFakeVogent } from '../test/fake-api/server';

const KEY = 'bench-key';

export async function run(): Promise<void> {
  const fake = await startFakeVogent({ workspace: sampleWorkspace(300), apiKeys: [KEY] });
  try {
    await vscode.workspace.getConfiguration('vogent').update('apiBaseUrl', fake.url, vscode.ConfigurationTarget.Global);
    const ext = vscode.extensions.getExtension<{ activationMs: number } | undefined>('vogent.vogent-phone-numbers');
    if (!ext) throw new Error('extension not found');
    // The extension activates on startup finished (for hovers and hints in code): it may be active already,
    // and then VS Code's own share of activation was not seen from here.
    const wasActive = ext.isActive;
    const started = performance.now();
    const exported = wasActive ? ext.exports : await ext.activate();
    const endToEndMs = wasActive ? Number.NaN : performance.now() - started;
    const activationMs = exported?.activationMs;
    if (activationMs === undefined) throw new Error('the extension exported nothing in test mode');

    await vscode.commands.executeCommand('vogent.setApiKey', KEY);
    // The key check itself (one number) is not loading; anything else that arrives before the view is shown is.
    const check = fake.requests.length;
    const shown = performance.now();
    await vscode.commands.executeCommand('vogent.phoneNumbers.focus');
    await fake.received(check + 1);
    const requestsBeforeView = fake.requests.slice(check).filter((r) => r.at < shown).length;
    const requestsAfterView = fake.requests.length - check - requestsBeforeView;
    console.log(`VOGENT_BENCH ${JSON.stringify({ activationMs, endToEndMs, requestsBeforeView, requestsAfterView })}`);
  } finally {
    await fake.close();
  }
}
