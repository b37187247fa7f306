import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { ApiKeyStore } from '../auth/apiKeyStore';
import type { VogentConnection } from '../connection/vogentConnection';
import type { OpenWorkspace, VogentWorkspace, WorkspaceNumber, WorkspaceStateChange } from './vogentWorkspace';
import { WorkspaceConflict } from './vogentWorkspace';
import { FIRST_WORKSPACE, idOfSecret, nameProblem, readList, secretNameOf, writeList, type ListStore, type WorkspaceEntry } from './workspaceList';

export { WorkspaceConflict, type VogentWorkspace, type WorkspaceNumber, type WorkspaceStateChange } from './vogentWorkspace';

/**
 * Every Vogent workspace this window knows, in the user's order. The list (ids and names) lives in
 * globalState; each key in SecretStorage under its own name. Windows stay in step: a key stored or
 * deleted in another window, or this window getting focus, re-reads the list.
 */
export class VogentWorkspaces implements vscode.Disposable {
  private entries: OpenWorkspace[] = [];
  private laterSync: ReturnType<typeof setTimeout> | undefined;
  private readonly listChanged = new vscode.EventEmitter<void>();
  private readonly stateChanged = new vscode.EventEmitter<WorkspaceStateChange>();
  private readonly subscriptions: vscode.Disposable[];

  /** Fires when a workspace is added, renamed or removed. */
  readonly onDidChangeList = this.listChanged.event;
  /** Fires when what a workspace shows changed: its key, its numbers, its state. */
  readonly onDidChangeState = this.stateChanged.event;

  constructor(
    private readonly store: ListStore,
    private readonly secrets: vscode.SecretStorage,
    private readonly connect: (keys: ApiKeyStore, name: () => string) => VogentConnection,
  ) {
    this.sync();
    this.subscriptions = [
      secrets.onDidChange((event) => idOfSecret(event.key) !== undefined && this.syncSoon()),
      vscode.window.onDidChangeWindowState((state) => state.focused && this.sync()),
      { dispose: () => clearTimeout(this.laterSync) },
    ];
  }

  get all(): readonly VogentWorkspace[] {
    return this.entries;
  }

  get(id: unknown): VogentWorkspace | undefined {
    return this.entries.find((w) => w.id === id);
  }

  /** Settles once every workspace knows whether it has a key. */
  get ready(): Promise<void> {
    return Promise.all(this.entries.map((w) => w.keys.ready)).then(() => undefined);
  }

  /** Those whose key Vogent has not rejected: what pickers, hovers and tools search. */
  get usable(): VogentWorkspace[] {
    return this.entries.filter((w) => w.connection.status === 'ready');
  }

  /** The loaded number with this id, or written with these digits in any format, in the given workspace or any usable one. */
  find(idOrNumber: string, only?: VogentWorkspace): WorkspaceNumber | undefined {
    for (const workspace of only ? [only] : this.usable) {
      const number = workspace.connection.numbers.index.find(idOrNumber);
      if (number) return { workspace, number };
    }
    return undefined;
  }

  /** The workspace that already holds this key, other than `except`. */
  holderOf(key: string, except?: string): VogentWorkspace | undefined {
    return this.entries.find((w) => w.id !== except && w.keys.holds(key));
  }

  nameProblem(name: string, renaming?: string): string | undefined {
    return nameProblem(name, this.entries, renaming);
  }

  /** Before any key is set, the one workspace is the empty "Vogent" of a fresh install: the first workspace added takes its place. */
  get blank(): VogentWorkspace | undefined {
    const [only, ...more] = this.entries;
    const untouched = only?.id === FIRST_WORKSPACE.id && only.name === FIRST_WORKSPACE.name && !only.keys.hasKey;
    return more.length === 0 && untouched ? only : undefined;
  }

  /** Adds a workspace once its key is stored: a key that cannot be stored adds nothing. */
  async add(name: string, key: string): Promise<VogentWorkspace> {
    // Another window may have changed the list since this one last read it: change the list as it is now.
    this.sync();
    await this.ready;
    const blank = this.blank as OpenWorkspace | undefined;
    const holder = this.holderOf(key);
    const problem = this.nameProblem(name, blank?.id) ?? (holder ? `This key is already the workspace "${holder.name}".` : undefined);
    if (problem) throw new WorkspaceConflict(problem);
    if (blank) {
      await blank.keys.store(key);
      blank.name = name.trim();
      await this.save(this.entries);
      return blank;
    }
    const workspace = this.open({ id: randomUUID().slice(0, 8), name: name.trim() });
    try {
      await workspace.keys.ready;
      await workspace.keys.store(key);
    } catch (error) {
      workspace.dispose();
      throw error;
    }
    await this.save([...this.entries, workspace]);
    return workspace;
  }

  /** Renames a workspace; false when it is gone (removed in another window). */
  async rename(id: string, name: string): Promise<boolean> {
    this.sync();
    const workspace = this.entries.find((w) => w.id === id);
    if (!workspace) return false;
    const problem = this.nameProblem(name, id);
    if (problem) throw new WorkspaceConflict(problem);
    workspace.name = name.trim();
    await this.save(this.entries);
    return true;
  }

  /** Forgets a workspace: what it was loading is cancelled, and its key is deleted from SecretStorage. False when it was gone. */
  async remove(id: string): Promise<boolean> {
    this.sync();
    const workspace = this.entries.find((w) => w.id === id);
    if (!workspace) return false;
    if (this.entries.length < 2) throw new WorkspaceConflict(`${workspace.name} is the only Vogent workspace left: to disconnect it, remove its API key.`);
    await this.save(this.entries.filter((w) => w !== workspace));
    try {
      await workspace.keys.remove();
    } finally {
      workspace.dispose();
    }
    return true;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    for (const workspace of this.entries) workspace.dispose();
    this.entries = [];
    this.listChanged.dispose();
    this.stateChanged.dispose();
  }

  private async save(entries: OpenWorkspace[]): Promise<void> {
    this.entries = entries;
    this.listChanged.fire();
    await writeList(this.store, entries);
  }

  /**
   * A key stored or deleted in another window comes with a change of the list there, which may reach this
   * window's globalState a little after the key's event: read the list now, and once more a moment later.
   */
  private syncSoon(): void {
    this.sync();
    clearTimeout(this.laterSync);
    this.laterSync = setTimeout(() => this.sync(), 1000);
  }

  /** Follows the stored list, which another window may have changed. */
  private sync(): void {
    const stored = readList(this.store);
    const same = stored.length === this.entries.length && stored.every((e, i) => e.id === this.entries[i].id && e.name === this.entries[i].name);
    if (same) return;
    const next = stored.map((entry) => {
      const open = this.entries.find((w) => w.id === entry.id) ?? this.open(entry);
      open.name = entry.name;
      return open;
    });
    for (const gone of this.entries.filter((w) => !next.includes(w))) gone.dispose();
    this.entries = next;
    this.listChanged.fire();
  }

  private open(entry: WorkspaceEntry): OpenWorkspace {
    const keys = new ApiKeyStore(this.secrets, secretNameOf(entry.id));
    const workspace: OpenWorkspace = {
      id: entry.id,
      name: entry.name,
      keys,
      connection: this.connect(keys, () => workspace.name),
      dispose: () => {
        stopKeys.dispose();
        stopState();
        workspace.connection.dispose();
        keys.dispose();
      },
    };
    const stopKeys = keys.onDidChange(() => workspace.connection.reset());
    const stopState = workspace.connection.onDidChange((change) => this.stateChanged.fire({ workspace, change }));
    return workspace;
  }
}
