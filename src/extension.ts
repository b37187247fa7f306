import * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';
import { codeFeatures } from './code/codeFeatures';
import { affectsListing, apiBaseUrl, maxPages, pageSize, requestTimeoutMs } from './config';
import { VogentConnection } from './connection/vogentConnection';
import { publishContextKeys } from './contextKeys';
import { createLog, logError, logExchange } from './log';
import { PhoneNumbersProvider, VIEW_ID, type TreeNode } from './tree/phoneNumbersProvider';
import { findPhoneNumbers } from './tools/findPhoneNumbers';
import { linkPhoneNumber } from './tools/linkPhoneNumber';
import { VogentClient } from './vogent/client';
import { VogentWorkspaces } from './workspaces/vogentWorkspaces';

/**
 * What activate returns to the extension's own test suites, and only to them: any installed extension
 * can call `activate()`, and these parts reach the keys.
 */
export interface VogentExtension {
  workspaces: VogentWorkspaces;
  provider: PhoneNumbersProvider;
  view: vscode.TreeView<TreeNode>;
  /** How long activate() took, also written to the log. */
  activationMs: number;
}

// Activation wires things together and does no I/O: loading starts when the view is shown.
export function activate(context: vscode.ExtensionContext): VogentExtension | undefined {
  const started = performance.now();
  const testing = context.extensionMode === vscode.ExtensionMode.Test;
  const log = createLog();
  const version = (context.extension.packageJSON as { version?: string }).version ?? '0.0.0';
  const userAgent = `vogent-phone-numbers-vscode/${version} (VS Code ${vscode.version})`;
  const clientFor = (apiKey: () => Promise<string | undefined>, of = (line: string) => line) =>
    new VogentClient({ baseUrl: apiBaseUrl(), apiKey, userAgent, timeoutMs: requestTimeoutMs, onExchange: (e) => logExchange(log, e, of) });
  const workspaces = new VogentWorkspaces(context.globalState, context.secrets, (keys, name) => {
    // With several workspaces, the log says which one a request or a failure is about.
    const of = (message: string) => (workspaces.all.length > 1 ? `[${name()}] ${message}` : message);
    return new VogentConnection({
      key: keys,
      client: (apiKey) => clientFor(apiKey, of),
      pageSize,
      maxPages,
      log: { warn: (message) => log.warn(of(message)), error: (what, error) => logError(log, of(what), error) },
    });
  });
  const provider = new PhoneNumbersProvider(workspaces);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const keys = { workspaces, clientWithKey: (key: string) => clientFor(async () => key), acceptsArguments: testing };
  context.subscriptions.push(
    log,
    workspaces,
    provider,
    view,
    publishContextKeys(workspaces),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsListing(event)) for (const workspace of workspaces.all) workspace.connection.reset();
    }),
    ...registerCommands({ workspaces, provider, view, log, keys }),
    ...codeFeatures(workspaces),
    vscode.lm.registerTool('vogent_findPhoneNumbers', findPhoneNumbers(workspaces)),
    vscode.lm.registerTool('vogent_linkPhoneNumber', linkPhoneNumber(workspaces)),
  );
  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms`);
  return testing ? { workspaces, provider, view, activationMs } : undefined;
}

export function deactivate(): void {
  // Nothing to do: the keys stay in SecretStorage, and subscriptions are disposed by VS Code.
}
