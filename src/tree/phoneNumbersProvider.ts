import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import { logError } from '../log';
import { AgentDirectory } from '../numbers/agentDirectory';
import type { GroupKey } from '../numbers/groups';
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

/**
 * Renders what the paging state holds, and asks it for more when a group is expanded or "Load more…"
 * is clicked. Owns no data itself beyond one node object per group, kept so a group can be refired alone.
 */
export class PhoneNumbersProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  private pages!: NumberPages;
  private agents!: AgentDirectory;
  private stopListening: () => void = () => undefined;
  private readonly groupNodes = new Map<GroupKey, NumberGroupItem>();
  /** The group keys at the root when it was last rendered; undefined until then. */
  private shownKeys: string | undefined;
  private shownError: Error | undefined;

  constructor(private readonly deps: ProviderDeps) {
    this.startOver();
  }

  /** The paging state, for commands that pick among loaded numbers or update one. */
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
    if (node instanceof PhoneNumberItem) return this.groupNodes.get(node.phoneNumber.type ?? '');
    if (node instanceof LoadMoreItem) return this.groupNodes.get(node.key);
    return undefined;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) return this.roots();
    if (node instanceof NumberGroupItem) return this.groupChildren(node.key);
    return [];
  }

  /** Loads more numbers of one group; the group's "Load more…" spins meanwhile. */
  async loadMore(key: GroupKey): Promise<void> {
    if (!this.ready()) return;
    const load = this.pages.loadMore(key);
    this.refire(key);
    try {
      await this.withProgress(load);
    } catch (error) {
      await this.handle(error, `Loading more ${key || 'untyped'} numbers`);
    } finally {
      this.refire(key);
    }
  }

  /**
   * Reloads from the first page, showing at least as much as before, then swaps the result in and
   * refires only the groups that changed. Failures are thrown for the command to report.
   */
  async refresh(): Promise<void> {
    if (!this.ready() || !this.pages.started || this.pages.size === 0) {
      this.startOver();
      this.changed.fire(undefined);
      return;
    }
    const agents = new AgentDirectory(this.agentPage);
    const agentsBefore = JSON.stringify(this.agents.list());
    const before = new Map(this.pages.groups().map((g) => [g.key, JSON.stringify(g.numbers)]));
    let next: NumberPages;
    try {
      [next] = await this.withProgress(Promise.all([this.pages.reloaded(), this.agents.loaded ? agents.load() : undefined]));
    } catch (error) {
      if (await this.handle(error, 'Refreshing phone numbers')) return;
      throw error;
    }
    this.adopt(next, agents);
    const groups = next.groups();
    if (groups.map((g) => g.key).join('\n') !== this.shownKeys) return this.changed.fire(undefined);
    const agentsChanged = JSON.stringify(agents.list()) !== agentsBefore;
    for (const group of groups) {
      const node = this.groupNodes.get(group.key);
      const shown = node?.show(group.numbers.length, next.complete);
      if (node && (shown || agentsChanged || before.get(group.key) !== JSON.stringify(group.numbers))) this.changed.fire(node);
    }
  }

  /** Links (or with `null` unlinks) a number, then shows the server's answer in place, without a reload. */
  async setAgent(id: string, agentId: string | null): Promise<PhoneNumber> {
    try {
      const updated = await this.deps.client().setAgent(id, agentId);
      this.pages.update(updated);
      this.refire(updated.type ?? '');
      return updated;
    } catch (error) {
      await this.handle(error, `Updating the agent of ${id}`);
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

  private async roots(): Promise<Node[]> {
    await this.deps.keys.ready;
    if (!this.ready()) return this.showNoNumbers(false);
    if (!this.pages.started) {
      const pages = this.pages;
      try {
        await this.withProgress(pages.start());
      } catch (error) {
        // A reset (new key, new settings) cancelled this load: answer from the fresh state instead.
        if (isVogentError(error, 'cancelled') && pages !== this.pages) return this.roots();
        if (await this.handle(error, 'Loading phone numbers')) return [];
        return errorItems('root', this.pages.error ?? asError(error), { command: 'vogent.refresh', title: 'Retry' });
      }
    }
    const groups = this.pages.groups();
    this.shownKeys = groups.map((g) => g.key).join('\n');
    this.shownError = this.pages.error;
    if (this.pages.complete && this.pages.size === 0) return this.showNoNumbers(true);
    await this.showNoNumbers(false);
    return groups.map((group) => {
      const node = this.groupNode(group.key);
      node.show(group.numbers.length, this.pages.complete);
      return node;
    });
  }

  private async groupChildren(key: GroupKey): Promise<Node[]> {
    if (!this.ready()) return [];
    const pages = this.pages;
    const agents = this.agents.load().catch((error: unknown) => this.handle(error, 'Loading agent names'));
    try {
      await this.withProgress(Promise.all([pages.fill(key), agents]));
    } catch (error) {
      if (isVogentError(error, 'cancelled') && pages !== this.pages) return this.groupChildren(key);
      if (await this.handle(error, `Loading ${key || 'untyped'} numbers`)) return [];
    }
    const items: Node[] = this.pages.numbersIn(key).map((n) => new PhoneNumberItem(n, this.agents));
    if (this.pages.complete) return items;
    const error = this.pages.error;
    if (error) items.push(...errorItems(`group:${key}`, error, { command: 'vogent.loadMore', title: 'Retry', arguments: [key] }));
    else items.push(new LoadMoreItem(key, this.pages.isLoadingMore(key)));
    return items;
  }

  /** Reacts to a page landing or failing: refire groups whose count changed, or the root if groups came or went. */
  private onPagesChanged(): void {
    if (this.shownKeys === undefined) return;
    const groups = this.pages.groups();
    if (groups.map((g) => g.key).join('\n') !== this.shownKeys || this.pages.error !== this.shownError) {
      this.changed.fire(undefined);
      return;
    }
    for (const group of groups) {
      const node = this.groupNodes.get(group.key);
      if (node?.show(group.numbers.length, this.pages.complete)) this.changed.fire(node);
    }
  }

  /** Logs a failure; a rejected key switches the view to its welcome state. Returns whether it was dealt with. */
  private async handle(error: unknown, what: string): Promise<boolean> {
    if (isVogentError(error, 'cancelled')) return true;
    logError(this.deps.log, what, error);
    if (!isVogentError(error, 'unauthorized')) return false;
    await this.deps.keys.markRejected();
    return true;
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

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
