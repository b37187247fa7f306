import * as vscode from 'vscode';
import type { ConnectionChange, VogentConnection } from '../connection/vogentConnection';
import { displayNumber } from '../numbers/formatNumber';
import { groupKeyOf, type GroupKey } from '../numbers/groups';
import { GroupWindows } from '../numbers/groupWindows';
import type { PhoneNumber } from '../vogent/shapes';
import type { VogentWorkspace } from '../workspaces/vogentWorkspaces';
import { LoadMoreItem } from './loadMoreItem';
import { MessageItem, errorItems, stateItems, warningItems } from './messageItem';
import { NumberGroupItem } from './numberGroupItem';
import { PhoneNumberItem, PhoneNumberRows } from './phoneNumberItem';
import { ShowEarlierItem } from './showEarlierItem';
import type { WorkspaceItem } from './workspaceItem';

export type TreeNode = WorkspaceItem | NumberGroupItem | PhoneNumberItem | LoadMoreItem | ShowEarlierItem | MessageItem;

/** What a branch needs from the view: to redraw a node (undefined: the whole view), and the node it hangs under. */
export interface BranchHost {
  fire(node: TreeNode | undefined): void;
  /** The workspace's own node when the view shows several workspaces; undefined when it is the only one. */
  top(): WorkspaceItem | undefined;
  withProgress<T>(work: Promise<T>): Promise<T>;
}

/**
 * One workspace's part of the view: its groups and their windows. Remembers only what it last showed
 * (to tell new groups from new counts) and one node per group (so a group can be refired alone).
 * Rendering never retries a failed load: only Retry, Load more or Refresh do, so a failing API is not
 * asked again every time VS Code redraws.
 */
export class WorkspaceBranch {
  private readonly groupNodes = new Map<GroupKey, NumberGroupItem>();
  private readonly windows = new GroupWindows(() => this.connection.numbers.pageSize);
  private readonly loadingMore = new Set<GroupKey>();
  /** A window that grows by a page builds that page's rows only. */
  private readonly rows: PhoneNumberRows;
  private shownRoot: string | undefined;

  constructor(
    readonly workspace: VogentWorkspace,
    private readonly host: BranchHost,
  ) {
    this.rows = new PhoneNumberRows(workspace.id);
  }

  private get connection(): VogentConnection {
    return this.workspace.connection;
  }

  /** The groups, or what stands in their place. Alone in the view, a missing key or no numbers is left to the welcome. */
  async children(): Promise<TreeNode[]> {
    const { connection, workspace } = this;
    const nested = this.host.top() !== undefined;
    if (connection.status === 'ready') await this.host.withProgress(connection.show());
    const numbers = connection.numbers;
    this.shownRoot = rootSignature(connection);
    const empty = numbers.complete && numbers.groups().length === 0;
    if (connection.status !== 'ready' || empty) return nested ? stateItems(workspace.id, connection.status) : [];
    if (!numbers.started) return numbers.error ? errorItems(`${workspace.id}/root`, numbers.error, this.retry()) : [];
    return numbers.groups().map((key) => {
      const node = this.groupNode(key);
      node.setCount(numbers.countIn(key), numbers.complete, numbers.skippedIn(key));
      return node;
    });
  }

  async groupChildren(key: GroupKey): Promise<TreeNode[]> {
    const { connection, workspace } = this;
    if (connection.status !== 'ready') return [];
    // While "Show more" loads, what is loaded is drawn at once, above its spinning row; it redraws when done.
    if (!this.loadingMore.has(key)) {
      // Rows already loaded are drawn without the view's progress bar flashing.
      const drawNow = this.holdsWindow(key);
      const filling = connection.fill(key, this.windows.of(key).end);
      await (drawNow ? filling : this.host.withProgress(filling));
    }
    const { numbers, agents } = connection;
    const { start, end, earlier, last } = this.windows.rows(key, { loaded: numbers.countIn(key), complete: numbers.complete, failed: numbers.error !== undefined });
    const items: TreeNode[] = warningItems(`${workspace.id}/group:${key}`, agents.error, numbers.skippedIn(key), this.retry());
    if (earlier > 0) items.push(new ShowEarlierItem(workspace.id, key, earlier));
    items.push(...numbers.numbersIn(key, start, end).map((n) => this.rows.row(n, agents)));
    if (last.kind === 'none') return items;
    const retry: vscode.Command = { command: 'vogent.loadMore', title: 'Retry', arguments: [key, workspace.id] };
    if (last.kind === 'more') items.push(new LoadMoreItem(workspace.id, key, { loading: this.loadingMore.has(key), ...last, pageSize: numbers.pageSize }));
    else if (numbers.error) items.push(...errorItems(`${workspace.id}/group:${key}`, numbers.error, retry));
    // What "Show more" adds next is formatted once the view is drawn, not while its click waits.
    setTimeout(() => numbers.numbersIn(key, end, end + numbers.pageSize).forEach(displayNumber), 100);
    return items;
  }

  /**
   * "Load more…" of a group, and its Retry: shows a page more, from what is loaded when it is there
   * (no request), else after loading it. A window not yet full is filled, not grown.
   */
  async showMore(key: GroupKey): Promise<void> {
    const { numbers } = this.connection;
    const { end } = this.windows.showMore(key, numbers.countIn(key));
    // Rows already loaded are shown at once: no spinner, no progress, one redraw.
    if (numbers.countIn(key) >= end || numbers.complete) return this.refire(key);
    this.loadingMore.add(key);
    this.refire(key);
    try {
      await this.host.withProgress(this.connection.loadMore(key, end));
    } finally {
      this.loadingMore.delete(key);
      this.refire(key);
    }
  }

  /** "Show N earlier": the page before the window, from what is loaded. */
  showEarlier(key: GroupKey): void {
    this.windows.showEarlier(key);
    this.refire(key);
  }

  /** Shows the number's group with the number in view (see GroupWindows.reveal), and returns its row for the view to reveal. */
  rowOf(number: PhoneNumber): PhoneNumberItem {
    const key = groupKeyOf(number);
    const { numbers, agents } = this.connection;
    this.windows.reveal(key, numbers.index.positionInGroup(number.id));
    this.refire(key);
    return this.rows.row(numbers.get(number.id) ?? number, agents);
  }

  parentOf(node: TreeNode): TreeNode | undefined {
    if (node instanceof PhoneNumberItem) return this.groupNode(groupKeyOf(node.phoneNumber));
    if (node instanceof LoadMoreItem || node instanceof ShowEarlierItem) return this.groupNode(node.key);
    return this.host.top();
  }

  /** Refires the workspace's part when what it shows changed, else each group whose count changed or that the change names. */
  onConnectionChanged(change: ConnectionChange): void {
    const { numbers } = this.connection;
    // A new listing (new key or settings) starts with a page's worth per group again.
    if (!numbers.started) this.windows.clear();
    const top = this.host.top();
    const topChanged = top?.update(this.workspace) === true;
    if (change.all || (this.shownRoot !== undefined && rootSignature(this.connection) !== this.shownRoot)) return this.host.fire(top);
    if (topChanged) this.host.fire(top);
    if (this.shownRoot === undefined) return;
    for (const key of numbers.groups()) {
      const node = this.groupNode(key);
      const before = `${String(node.description)}\n${String(node.tooltip)}`;
      node.setCount(numbers.countIn(key), numbers.complete, numbers.skippedIn(key));
      if (`${String(node.description)}\n${String(node.tooltip)}` !== before || change.groups.includes(key)) this.refire(key);
    }
  }

  private retry(): vscode.Command {
    return { command: 'vogent.refresh', title: 'Retry', arguments: [{ workspaceId: this.workspace.id }] };
  }

  /** Whether the group's window and the agent names are loaded (or failed): drawing them needs no request. */
  private holdsWindow(key: GroupKey): boolean {
    const { numbers, agents } = this.connection;
    const rows = numbers.countIn(key) >= this.windows.of(key).end || numbers.complete || numbers.error !== undefined;
    return rows && (agents.loaded || agents.error !== undefined);
  }

  private refire(key: GroupKey): void {
    const node = this.groupNodes.get(key);
    if (node && this.shownRoot !== undefined) this.host.fire(node);
  }

  private groupNode(key: GroupKey): NumberGroupItem {
    let node = this.groupNodes.get(key);
    if (!node) this.groupNodes.set(key, (node = new NumberGroupItem(this.workspace.id, key)));
    return node;
  }
}

/** What the workspace's part shows, as one comparable value: the state, and the groups with their errors. */
function rootSignature(connection: VogentConnection): string {
  const { status, numbers } = connection;
  if (status !== 'ready') return status;
  return [numbers.started, numbers.complete && numbers.groups().length === 0, numbers.error?.message, ...numbers.groups()].join('\n');
}
