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
    if (ext.isActive) throw new Error('the extension was activated before the view was shown');
    const started = performance.now();
    const activationMs = (await ext.activate())?.activationMs;
    if (activationMs === undefined) throw new Error('the extension exported nothing in test mode');
    // Also what VS Code adds around it: loading the bundle, creating the extension context.
    const endToEndMs = performance.now() - started;

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
