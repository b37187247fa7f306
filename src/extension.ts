import * as vscode from 'vscode';
import { ApiKeyStore } from './auth/apiKeyStore';
import { clearApiKey } from './commands/clearApiKey';
import { copyNumber, copyNumberAs, copyNumberId, copySelectedNumber } from './commands/copyNumber';
import { linkAgent, unlinkAgent } from './commands/linkAgent';
import { loadMore } from './commands/loadMore';
import { openAgent } from './commands/openAgent';
import { refresh } from './commands/refresh';
import { revealNumber } from './commands/revealNumber';
import { setApiKey } from './commands/setApiKey';
import { codeFeatures } from './code/codeFeatures';
import { affectsListing, apiBaseUrl, pageSize, requestTimeoutMs } from './config';
import { VogentConnection } from './connection/vogentConnection';
import { publishContextKeys } from './contextKeys';
import { createLog, logError, logExchange } from './log';
import { PhoneNumbersProvider, VIEW_ID, type TreeNode } from './tree/phoneNumbersProvider';
import { findPhoneNumbers } from './tools/findPhoneNumbers';
import { linkPhoneNumber } from './tools/linkPhoneNumber';
import { VogentClient } from './vogent/client';

/**
 * What activate returns to the extension's own test suites, and only to them: any installed extension
 * can call `activate()`, and these parts reach the key.
 */
export interface VogentExtension {
  connection: VogentConnection;
  provider: PhoneNumbersProvider;
  view: vscode.TreeView<TreeNode>;
  keys: ApiKeyStore;
  /** How long activate() took, also written to the log. */
  activationMs: number;
}

// Activation wires things together and does no I/O: loading starts when the view is shown.
export function activate(context: vscode.ExtensionContext): VogentExtension | undefined {
  const started = performance.now();
  const testing = context.extensionMode === vscode.ExtensionMode.Test;
  const log = createLog();
  const keys = new ApiKeyStore(context.secrets);
  const version = (context.extension.packageJSON as { version?: string }).version ?? '0.0.0';
  const userAgent = `vogent-phone-numbers-vscode/${version} (VS Code ${vscode.version})`;
  const clientFor = (apiKey: () => Promise<string | undefined>) =>
    new VogentClient({ baseUrl: apiBaseUrl(), apiKey, userAgent, timeoutMs: requestTimeoutMs, onExchange: (e) => logExchange(log, e) });
  const connection = new VogentConnection({
    key: keys,
    client: clientFor,
    pageSize,
    log: { warn: (message) => log.warn(message), error: (what, error) => logError(log, what, error) },
  });
  const provider = new PhoneNumbersProvider(connection);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });

  const command = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run);
  context.subscriptions.push(
    log,
    keys,
    { dispose: () => connection.dispose() },
    provider,
    view,
    publishContextKeys(connection),
    keys.onDidChange(() => connection.reset()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsListing(event)) connection.reset();
    }),
    command('vogent.setApiKey', setApiKey({ keys, connection, clientWithKey: (key) => clientFor(async () => key), acceptsArgument: testing })),
    command('vogent.clearApiKey', clearApiKey(keys)),
    command('vogent.refresh', refresh(connection)),
    command('vogent.loadMore', loadMore(provider)),
    command('vogent.showLogs', () => log.show(true)),
    command('vogent.copyNumber', copyNumber(connection)),
    command('vogent.copyNumberAs', copyNumberAs(connection)),
    command('vogent.copyNumberId', copyNumberId()),
    command('vogent.copySelectedNumber', copySelectedNumber(view)),
    command('vogent.openAgent', openAgent(connection)),
    command('vogent.linkAgent', linkAgent(connection)),
    command('vogent.unlinkAgent', unlinkAgent(connection)),
    command('vogent.revealNumber', revealNumber(connection, provider, view)),
    ...codeFeatures(connection),
    vscode.lm.registerTool('vogent_findPhoneNumbers', findPhoneNumbers(connection)),
    vscode.lm.registerTool('vogent_linkPhoneNumber', linkPhoneNumber(connection)),
  );
  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms`);
  return testing ? { connection, provider, view, keys, activationMs } : undefined;
}

export function deactivate(): void {
  // Nothing to do: the key stays in SecretStorage, and subscriptions are disposed by VS Code.
}
