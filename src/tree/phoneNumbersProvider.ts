import * as vscode from 'vscode';
import type { ConnectionChange, VogentConnection } from '../connection/vogentConnection';
import { groupKeyOf, type GroupKey } from '../numbers/groups';
import type { PhoneNumber } from '../vogent/shapes';
import { LoadMoreItem } from './loadMoreItem';
import { MessageItem, SHOW_LOGS, errorItems } from './messageItem';
import { NumberGroupItem } from './numberGroupItem';
import { PhoneNumberItem } from './phoneNumberItem';

export const VIEW_ID = 'vogent.phoneNumbers';

export type TreeNode = NumberGroupItem | PhoneNumberItem | LoadMoreItem | MessageItem;

const REFRESH_TO_RETRY: vscode.Command = { command: 'vogent.refresh', title: 'Retry' };

/**
 * Renders what the connection holds, and asks it for more when a group is expanded. Remembers only
 * what it last showed at the root (to tell new groups from new counts) and one node per group (so a
 * group can be refired alone). Rendering never retries a failed load: only Retry, Load more or
 * Refresh do, so a failing API is not asked again every time VS Code redraws.
 */
export class PhoneNumbersProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly groupNodes = new Map<GroupKey, NumberGroupItem>();
  /** How many numbers each group shows: a page's worth after expanding, a page more per "Load more…". */
  private readonly windows = new Map<GroupKey, number>();
  private readonly loadingMore = new Set<GroupKey>();
  private shownRoot: string | undefined;
  private readonly stopListening: () => void;

  constructor(private readonly connection: VogentConnection) {
    this.stopListening = connection.onDidChange((change) => this.onConnectionChanged(change));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node;
  }

  resolveTreeItem(_item: vscode.TreeItem, node: TreeNode): TreeNode {
    if (node instanceof PhoneNumberItem) node.resolveTooltip();
    return node;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node instanceof PhoneNumberItem) return this.groupNode(groupKeyOf(node.phoneNumber));
    if (node instanceof LoadMoreItem) return this.groupNode(node.key);
    return undefined;
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> | TreeNode[] {
    if (!node) return this.roots();
    if (node instanceof NumberGroupItem) return this.groupChildren(node.key);
    return [];
  }

  dispose(): void {
    this.stopListening();
    this.changed.dispose();
  }

  private async roots(): Promise<TreeNode[]> {
    await this.connection.ready;
    if (this.connection.status === 'ready') await this.withProgress(this.connection.show());
    const numbers = this.connection.numbers;
    this.shownRoot = rootSignature(this.connection);
    // Without a usable key, or with no numbers at all, the view's welcome content says so.
    if (this.connection.status !== 'ready' || (numbers.complete && numbers.groups().length === 0)) return [];
    if (!numbers.started) return numbers.error ? errorItems('root', numbers.error, REFRESH_TO_RETRY) : [];
    return numbers.groups().map((key) => {
      const node = this.groupNode(key);
      node.setCount(numbers.countIn(key), numbers.complete, numbers.skippedIn(key));
      return node;
    });
  }

  /**
   * "Load more…" of a group, and its Retry: shows a page more, from what is loaded when it is there
   * (no request), else after loading it. A window not yet full is filled, not grown.
   */
  async showMore(key: GroupKey): Promise<void> {
    const { numbers } = this.connection;
    const window = this.windowOf(key);
    if (numbers.countIn(key) >= window) this.windows.set(key, window + numbers.pageSize);
    // Rows already loaded are shown at once: no spinner, no progress, one redraw.
    if (numbers.countIn(key) >= this.windowOf(key) || numbers.complete) return this.refire(key);
    this.loadingMore.add(key);
    this.refire(key);
    try {
      await this.withProgress(this.connection.loadMore(key, this.windowOf(key)));
    } finally {
      this.loadingMore.delete(key);
      this.refire(key);
    }
  }

  /** Shows enough of the number's group to include it, and returns its row for the view to reveal. */
  rowOf(number: PhoneNumber): PhoneNumberItem {
    const key = groupKeyOf(number);
    const { numbers } = this.connection;
    const position = numbers.index.positionInGroup(number.id);
    const window = Math.ceil((position + 1) / numbers.pageSize) * numbers.pageSize;
    if (position >= 0 && window > this.windowOf(key)) this.windows.set(key, window);
    this.refire(key);
    return new PhoneNumberItem(numbers.get(number.id) ?? number, this.connection.agents);
  }

  private async groupChildren(key: GroupKey): Promise<TreeNode[]> {
    if (this.connection.status !== 'ready') return [];
    await this.withProgress(this.connection.fill(key, this.windowOf(key)));
    const { numbers, agents } = this.connection;
    const window = this.windowOf(key);
    const items: TreeNode[] = warnings(key, this.connection);
    items.push(...numbers.numbersIn(key, 0, window).map((n) => new PhoneNumberItem(n, agents)));
    const loaded = numbers.countIn(key);
    if (loaded <= window && numbers.complete) return items;
    const retry: vscode.Command = { command: 'vogent.loadMore', title: 'Retry', arguments: [key] };
    if (loaded <= window && numbers.error) items.push(...errorItems(`group:${key}`, numbers.error, retry));
    else items.push(new LoadMoreItem(key, { loading: this.loadingMore.has(key), hidden: loaded - window, loaded, pageSize: numbers.pageSize }));
    return items;
  }

  private windowOf(key: GroupKey): number {
    return this.windows.get(key) ?? this.connection.numbers.pageSize;
  }

  private refire(key: GroupKey): void {
    const node = this.groupNodes.get(key);
    if (node && this.shownRoot !== undefined) this.changed.fire(node);
  }

  /** Refires the root when what it shows changed, else each group whose count changed or that the change names. */
  private onConnectionChanged(change: ConnectionChange): void {
    // A new listing (new key or settings) starts with a page's worth per group again.
    if (!this.connection.numbers.started) this.windows.clear();
    if (change.all || (this.shownRoot !== undefined && rootSignature(this.connection) !== this.shownRoot)) {
      this.changed.fire(undefined);
      return;
    }
    if (this.shownRoot === undefined) return;
    const numbers = this.connection.numbers;
    for (const key of numbers.groups()) {
      const node = this.groupNode(key);
      const before = `${String(node.description)}\n${String(node.tooltip)}`;
      node.setCount(numbers.countIn(key), numbers.complete, numbers.skippedIn(key));
      if (`${String(node.description)}\n${String(node.tooltip)}` !== before || change.groups.includes(key)) this.changed.fire(node);
    }
  }

  private groupNode(key: GroupKey): NumberGroupItem {
    let node = this.groupNodes.get(key);
    if (!node) this.groupNodes.set(key, (node = new NumberGroupItem(key)));
    return node;
  }

  private withProgress<T>(work: Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => work));
  }
}

/** What the root shows, as one comparable value: the state, and the groups with their errors. */
function rootSignature(connection: VogentConnection): string {
  const { status, numbers } = connection;
  if (status !== 'ready') return status;
  return [numbers.started, numbers.error?.message, ...numbers.groups()].join('\n');
}

/** What the rows of a group cannot say themselves: agent names that failed, records that could not be read. */
function warnings(key: GroupKey, connection: VogentConnection): TreeNode[] {
  const { numbers, agents } = connection;
  const items: TreeNode[] = [];
  if (agents.error) {
    const why = `Agent names could not be loaded: ${agents.error.message}`;
    items.push(new MessageItem(`group:${key}:agents`, why, 'warning', REFRESH_TO_RETRY, `${why}\nRefresh to try again.`));
  }
  const skipped = numbers.skippedIn(key);
  if (skipped > 0) {
    const what = skipped === 1 ? '1 number could not be read' : `${skipped} numbers could not be read`;
    const tooltip = 'Vogent sent records that are not valid phone numbers; the log names each one.';
    items.push(new MessageItem(`group:${key}:skipped`, `${what} — Show Logs`, 'warning', SHOW_LOGS, tooltip));
  }
  return items;
}
