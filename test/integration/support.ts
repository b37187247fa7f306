import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApiKeyStore } from '../../src/auth/apiKeyStore';
import type { VogentConnection } from '../../src/connection/vogentConnection';
import type { VogentExtension } from '../../src/extension';
import type { TreeNode as Node } from '../../src/tree/phoneNumbersProvider';
import { sampleWorkspace, type Workspace } from '../fake-api/data';
import { startFakeVogent, type FakeVogent } from '../fake-api/server';

export const EXTENSION_ID = 'vogent.vogent-phone-numbers';
export const GOOD_KEY = 'vk_integration_Gz81nQp4';

/** The extension's parts, and the first workspace's connection and key store: most tests need one workspace. */
export interface TestExtension extends VogentExtension {
  readonly connection: VogentConnection;
  readonly keys: ApiKeyStore;
}

export async function extension(): Promise<TestExtension> {
  const ext = vscode.extensions.getExtension<VogentExtension | undefined>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  const parts = ext.isActive ? ext.exports : await ext.activate();
  assert.ok(parts, 'the extension exports its parts in test mode');
  return Object.defineProperties({ ...parts } as TestExtension, {
    connection: { get: () => parts.workspaces.all[0].connection },
    keys: { get: () => parts.workspaces.all[0].keys },
  });
}

/** Changes a user setting and waits until the change has reached the extension host. */
export async function setting(name: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('vogent');
  if (config.inspect(name)?.globalValue === value) return;
  const changed = new Promise<void>((resolve) => {
    const listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(`vogent.${name}`)) return;
      listener.dispose();
      resolve();
    });
  });
  await config.update(name, value, vscode.ConfigurationTarget.Global);
  await changed;
}

/**
 * A fake Vogent API for each test, with the extension pointed at it and (unless `signedIn` is
 * false) the key set through the real command. Everything is undone after each test.
 */
export function useVogent(
  options: { workspace?: () => Workspace; others?: () => Record<string, Workspace>; signedIn?: boolean; pageSize?: number; codeFeatures?: boolean } = {},
): () => FakeVogent {
  let fake: FakeVogent | undefined;
  beforeEach(async () => {
    const ext = await extension();
    await onlyFirstWorkspace();
    if (ext.keys.hasKey) await removeKey();
    fake = await startFakeVogent({ workspace: options.workspace?.() ?? sampleWorkspace(250), apiKeys: [GOOD_KEY], others: options.others?.() });
    await setting('pageSize', options.pageSize ?? 100);
    // Hovers and hints on documents left open by other tests would start background loads behind a test's back.
    await setting('hover.enabled', options.codeFeatures === true);
    await setting('inlayHints.enabled', options.codeFeatures === true);
    await setting('apiBaseUrl', fake.url);
    // Another view on screen, so that VS Code's own rendering of ours does not load (or take an injected fault)
    // behind a test's back. Tests about the view on screen focus it themselves.
    await vscode.commands.executeCommand('workbench.view.explorer');
    if (options.signedIn !== false) {
      await keyChange(() => vscode.commands.executeCommand('vogent.setApiKey', GOOD_KEY));
      assert.equal(ext.keys.hasKey, true, 'the key was not saved');
    }
    await vscode.commands.executeCommand('workbench.actions.treeView.vogent.phoneNumbers.collapseAll').then(undefined, () => undefined);
    fake.requests.length = 0;
  });
  afterEach(async () => {
    restoreStubs();
    await fake?.close();
    fake = undefined;
  });
  return () => {
    assert.ok(fake, 'the fake API is not running');
    return fake;
  };
}

/** Removes the workspaces a test added, so that the next test starts with the one workspace of an upgrade. */
async function onlyFirstWorkspace(): Promise<void> {
  const { workspaces } = await extension();
  for (const added of workspaces.all.slice(1)) await workspaces.remove(added.id);
  assert.equal(workspaces.all[0]?.name, 'Vogent', 'a test renamed or removed the first workspace');
}

export async function removeKey(): Promise<void> {
  const restore = stub(vscode.window, 'showWarningMessage', async () => 'Remove');
  try {
    await keyChange(() => vscode.commands.executeCommand('vogent.clearApiKey'));
  } finally {
    restore();
  }
}

/**
 * Runs a command that sets or removes the key, and waits until the key store has announced the
 * change (SecretStorage reports it asynchronously), so the view has been reset before the test goes on.
 */
export async function keyChange(command: () => Thenable<unknown>): Promise<void> {
  const ext = await extension();
  const changed = new Promise<void>((resolve) => {
    const listener = ext.keys.onDidChange(() => {
      listener.dispose();
      resolve();
    });
  });
  await command();
  await changed;
}

const restorers: (() => void)[] = [];

/** Replaces a method for the rest of the test (VS Code hands this suite the same API objects as the extension). */
export function stub<T extends object, K extends keyof T>(target: T, name: K, replacement: T[K]): () => void {
  const original = target[name];
  target[name] = replacement;
  const restore = () => {
    target[name] = original;
  };
  restorers.push(restore);
  return restore;
}

export function restoreStubs(): void {
  while (restorers.length > 0) restorers.pop()?.();
}

/** What a user reads on a tree row: label, and description when there is one. */
export function row(node: Node): string {
  const label = typeof node.label === 'string' ? node.label : (node.label?.label ?? '');
  return node.description ? `${label} — ${String(node.description)}` : label;
}

export async function children(node?: Node): Promise<Node[]> {
  const ext = await extension();
  return ext.provider.getChildren(node);
}

export async function rows(node?: Node): Promise<string[]> {
  return (await children(node)).map(row);
}

/** Finds the root node whose label is `label`. */
export async function group(label: string): Promise<Node> {
  const found = (await children()).find((n) => n.label === label);
  assert.ok(found, `no group "${label}" at the root: ${(await rows()).join(', ')}`);
  return found;
}

/** Resolves when the tree next fires a change; fails after a bound rather than hang. */
export async function treeChange(): Promise<void> {
  const ext = await extension();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error('the tree did not change'));
    }, 10_000);
    const listener = ext.provider.onDidChangeTreeData(() => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    });
  });
}

/**
 * Wraps the real createQuickPick so a test can type into, watch or close the picker a command opens;
 * `prepare` sees it before the command does (to watch what the command does with it from the start).
 */
export function captureQuickPick(prepare?: (pick: vscode.QuickPick<vscode.QuickPickItem>) => void): Promise<vscode.QuickPick<vscode.QuickPickItem>> {
  return new Promise((resolve) => {
    const original = vscode.window.createQuickPick;
    stub(vscode.window, 'createQuickPick', (() => {
      const pick = original();
      prepare?.(pick);
      resolve(pick);
      return pick;
    }) as typeof vscode.window.createQuickPick);
  });
}

/**
 * Shows the view and selects `node` in it. Right after the view comes on screen its tree may not hold the
 * node yet ("Data tree node not found"): each retry waits for another round trip to the workbench.
 */
export async function revealInView(node: Node): Promise<void> {
  const ext = await extension();
  for (let attempt = 1; ; attempt++) {
    await vscode.commands.executeCommand('vogent.phoneNumbers.focus');
    try {
      return await ext.view.reveal(node, { select: true, focus: true });
    } catch (error) {
      if (attempt === 5 || !/not found/.test(String(error))) throw error;
    }
  }
}

/** Captures what error notifications say, and with which buttons; answers none. */
export function errorMessages(): { message: string; actions: string[] }[] {
  const shown: { message: string; actions: string[] }[] = [];
  stub(vscode.window, 'showErrorMessage', (async (message: string, ...actions: string[]) => {
    shown.push({ message, actions });
    return undefined;
  }) as unknown as typeof vscode.window.showErrorMessage);
  return shown;
}

/** A SecretStorage like the desktop's: writing the value already stored announces nothing. */
export function desktopLikeSecrets(failWrites = false, stored: Record<string, string> = {}): vscode.SecretStorage & { names(): string[] } {
  const values = new Map<string, string>(Object.entries(stored));
  const changed = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  return {
    keys: async () => [...values.keys()],
    get: async (key) => values.get(key),
    store: async (key, value) => {
      if (failWrites) throw new Error('the keyring is locked');
      if (values.get(key) === value) return;
      values.set(key, value);
      changed.fire({ key });
    },
    delete: async (key) => {
      if (values.delete(key)) changed.fire({ key });
    },
    onDidChange: changed.event,
    names: () => [...values.keys()],
  };
}
