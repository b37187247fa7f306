import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import { logError } from '../log';
import { AgentDirectory } from '../numbers/agentDirectory';
import { groupKeyOf, type GroupKey } from '../numbers/groups';
import { NumberPages } from '../numbers/numberPages';
import type { VogentClient } from '../vogent/client';
import { isVogentError } from '../vogent/errors';
import type { PhoneNumber } from '../vogent/shapes';
import { LoadMoreItem } from './loadMoreItem';
import { MessageItem, errorItems } from './messageItem';
import { NumberGroupItem } from './numberGroupItem';
import { PhoneNumberItem } from './phoneNumberItem';

export const VIEW_ID = 'vogent.phoneNumbers';

export type Node = NumberGroupItem | PhoneNumberItem | LoadMoreItem | MessageItem;

export interface ProviderDeps {
  client: () => VogentClient;
  keys: ApiKeyStore;
  log: vscode.LogOutputChannel;
  pageSize: () => number;
}

const RETRY_ROOT: vscode.Command = { command: 'vogent.refresh', title: 'Retry' };

/**
 * Renders what the paging state holds, and asks it for more when a group is expanded or "Load more…"
 * is clicked. Owns no data itself beyond one node object per group, kept so a group can be refired alone.
 * Rendering never retries a failed load on its own: only Retry, Load more or Refresh do, so a failing
 * API is not asked again every time VS Code redraws the tree.
 */
export class PhoneNumbersProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  private pages!: NumberPages;
  private agents!: AgentDirectory;
  private stopListening: () => void = () => undefined;
  private readonly groupNodes = new Map<GroupKey, NumberGroupItem>();
  /** The group keys and error at the root when it was last rendered; keys undefined until then. */
  private shownKeys: string | undefined;
  private shownError: string | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(private readonly deps: ProviderDeps) {
    this.startOver();
  }

  /** The paging state, for commands that pick among loaded numbers. */
  get numbers(): NumberPages {
    return this.pages;
  }

  get agentDirectory(): AgentDirectory {
    return this.agents;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node;
  }

  getParent(node: Node): Node | undefined {
    if (node instanceof PhoneNumberItem) return this.groupNodes.get(groupKeyOf(node.phoneNumber));
    if (node instanceof LoadMoreItem) return this.groupNodes.get(node.key);
    return undefined;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) return this.roots();
    if (node instanceof NumberGroupItem) return this.groupChildren(node.key);
    return [];
  }

  /** Loads more numbers of one group (also its Retry); the group's "Load more…" spins meanwhile. */
  async loadMore(key: GroupKey): Promise<void> {
    if (!this.ready()) return;
    const { pages, version } = this.snapshot();
    const load = pages.loadMore(key);
    this.refire(key);
    try {
      await this.withProgress(load);
    } catch (error) {
      await this.handle(error, `Loading more ${key || 'untyped'} numbers`, version);
    } finally {
      this.refire(key);
    }
  }

  /** Loads every page and every agent name, e.g. for a picker over all numbers. Failures are thrown. */
  async loadAll(): Promise<void> {
    const { pages, version } = this.snapshot();
    try {
      await Promise.all([pages.loadUntil(() => false), this.agents.load()]);
    } catch (error) {
      await this.handle(error, 'Loading every phone number', version);
      throw error;
    }
  }

  /**
   * Reloads from the first page, showing at least as much as before, then swaps the result in and
   * refires only the groups that changed. Callers meanwhile share it. Failures are thrown for the command to report.
   */
  refresh(): Promise<void> {
    this.refreshing ??= this.reload().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Links (or with `null` unlinks) a number, then shows the server's answer in place, without a reload. */
  async setAgent(id: string, agentId: string | null): Promise<PhoneNumber> {
    const { pages, version } = this.snapshot();
    try {
      const updated = await this.deps.client().setAgent(id, agentId);
      if (pages === this.pages) {
        pages.update(updated);
        this.refire(groupKeyOf(updated));
      }
      return updated;
    } catch (error) {
      await this.handle(error, `Updating the agent of ${id}`, version);
      throw error;
    }
  }

  /** Forgets everything loaded (key or settings changed) and renders again. */
  reset(): void {
    this.startOver();
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.stopListening();
    this.pages.reset();
    this.agents.reset();
    this.changed.dispose();
  }

  private async reload(): Promise<void> {
    const { pages, version } = this.snapshot();
    if (!this.ready() || !pages.started || pages.size === 0) return this.reset();
    const hadError = pages.error !== undefined || this.agents.error !== undefined;
    const agents = new AgentDirectory(this.agentPage);
    const agentsBefore = JSON.stringify(this.agents.list());
    const before = new Map(pages.groups().map((g) => [g.key, JSON.stringify(g.numbers)]));
    // Agent names are a nicety: their failure shows in the groups, it does not fail the refresh.
    const names = this.agents.loaded ? agents.load().catch(() => undefined) : undefined;
    let next: NumberPages;
    try {
      [next] = await this.withProgress(Promise.all([pages.reloaded(), names]));
    } catch (error) {
      if (await this.handle(error, 'Refreshing phone numbers', version)) return;
      throw error;
    }
    // A reset (new key, new settings) while reloading: its state wins, this result is stale.
    if (pages !== this.pages) return next.reset();
    this.adopt(next, agents);
    const groups = next.groups();
    if (hadError || keysOf(groups) !== this.shownKeys) return this.changed.fire(undefined);
    const agentsChanged = JSON.stringify(agents.list()) !== agentsBefore;
    for (const group of groups) {
      const node = this.groupNodes.get(group.key);
      const shown = node?.show(group.numbers.length, next.complete);
      if (node && (shown || agentsChanged || before.get(group.key) !== JSON.stringify(group.numbers))) this.changed.fire(node);
    }
  }

  private async roots(): Promise<Node[]> {
    await this.deps.keys.ready;
    if (!this.ready()) return this.showNoNumbers(false);
    const { pages, version } = this.snapshot();
    if (!pages.started && !pages.error) {
      try {
        await this.withProgress(pages.start());
      } catch (error) {
        // A reset (new key, new settings) cancelled this load: answer from the fresh state instead.
        if (pages !== this.pages) return this.roots();
        if (await this.handle(error, 'Loading phone numbers', version)) return [];
      }
    }
    this.shownError = pages.error?.message;
    if (!pages.started) {
      this.shownKeys = undefined;
      return pages.error ? errorItems('root', pages.error, RETRY_ROOT) : [];
    }
    const groups = pages.groups();
    this.shownKeys = keysOf(groups);
    if (pages.complete && pages.size === 0) return this.showNoNumbers(true);
    await this.showNoNumbers(false);
    return groups.map((group) => {
      const node = this.groupNode(group.key);
      node.show(group.numbers.length, pages.complete);
      return node;
    });
  }

  private async groupChildren(key: GroupKey): Promise<Node[]> {
    if (!this.ready()) return [];
    const { pages, version } = this.snapshot();
    const agents = this.agents.error ? undefined : this.agents.load().catch((error: unknown) => this.handle(error, 'Loading agent names', version));
    if (!pages.error) {
      try {
        await this.withProgress(Promise.all([pages.fill(key), agents]));
      } catch (error) {
        if (pages !== this.pages) return this.groupChildren(key);
        if (await this.handle(error, `Loading ${key || 'untyped'} numbers`, version)) return [];
      }
    }
    const items: Node[] = [];
    if (this.agents.error) {
      const why = `Agent names could not be loaded: ${this.agents.error.message}`;
      items.push(new MessageItem(`group:${key}:agents`, why, 'warning', RETRY_ROOT, `${why}\nRefresh to try again.`));
    }
    items.push(...pages.numbersIn(key).map((n) => new PhoneNumberItem(n, this.agents)));
    if (pages.complete) return items;
    if (pages.error) items.push(...errorItems(`group:${key}`, pages.error, { command: 'vogent.loadMore', title: 'Retry', arguments: [key] }));
    else items.push(new LoadMoreItem(key, pages.isLoadingMore(key)));
    return items;
  }

  /** Reacts to a page landing or failing: refire groups whose count changed, or the root if groups came or went. */
  private onPagesChanged(): void {
    if (this.shownKeys === undefined) return;
    const groups = this.pages.groups();
    if (keysOf(groups) !== this.shownKeys || this.pages.error?.message !== this.shownError) {
      this.changed.fire(undefined);
      return;
    }
    for (const group of groups) {
      const node = this.groupNodes.get(group.key);
      if (node?.show(group.numbers.length, this.pages.complete)) this.changed.fire(node);
    }
  }

  /**
   * Logs a failure; a rejected key switches the view to its welcome state, unless the key has changed
   * since the request went out. Returns whether the failure needs no further showing.
   */
  private async handle(error: unknown, what: string, version: number): Promise<boolean> {
    if (isVogentError(error, 'cancelled')) return true;
    logError(this.deps.log, what, error);
    if (!isVogentError(error, 'unauthorized')) return false;
    await this.deps.keys.markRejected(version);
    return true;
  }

  /** What a request about to go out belongs to: this paging state, under this key. */
  private snapshot(): { pages: NumberPages; version: number } {
    return { pages: this.pages, version: this.deps.keys.version };
  }

  private ready(): boolean {
    return this.deps.keys.hasKey && !this.deps.keys.rejected;
  }

  private startOver(): void {
    this.adopt(
      new NumberPages((cursor, signal) => this.deps.client().listPhoneNumbers({ limit: this.deps.pageSize(), cursor, signal }), this.deps.pageSize()),
      new AgentDirectory(this.agentPage),
    );
    this.shownKeys = undefined;
    this.shownError = undefined;
  }

  private adopt(pages: NumberPages, agents: AgentDirectory): void {
    this.stopListening();
    if (this.pages && this.pages !== pages) this.pages.reset();
    if (this.agents && this.agents !== agents) this.agents.reset();
    this.pages = pages;
    this.agents = agents;
    this.stopListening = pages.onDidChange(() => this.onPagesChanged());
  }

  private readonly agentPage = (cursor: string | undefined, signal: AbortSignal) =>
    this.deps.client().listAgents({ limit: 100, cursor, signal });

  private groupNode(key: GroupKey): NumberGroupItem {
    let node = this.groupNodes.get(key);
    if (!node) {
      node = new NumberGroupItem(key);
      this.groupNodes.set(key, node);
    }
    return node;
  }

  private refire(key: GroupKey): void {
    const node = this.groupNodes.get(key);
    if (node && this.shownKeys !== undefined) this.changed.fire(node);
  }

  private async showNoNumbers(empty: boolean): Promise<Node[]> {
    await vscode.commands.executeCommand('setContext', 'vogent.noNumbers', empty);
    return [];
  }

  private withProgress<T>(work: Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => work));
  }
}

/** The groups a render showed, as one comparable value. */
function keysOf(groups: { key: GroupKey }[]): string {
  return groups.map((g) => g.key).join('\n');
}
