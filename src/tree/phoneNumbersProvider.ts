import * as vscode from 'vscode';
import type { GroupKey } from '../numbers/groups';
import type { PhoneNumber } from '../vogent/shapes';
import type { VogentWorkspace, VogentWorkspaces } from '../workspaces/vogentWorkspaces';
import { NumberGroupItem } from './numberGroupItem';
import { PhoneNumberItem } from './phoneNumberItem';
import { WorkspaceBranch, type TreeNode } from './workspaceBranch';
import { WorkspaceItem } from './workspaceItem';

export type { TreeNode } from './workspaceBranch';

export const VIEW_ID = 'vogent.phoneNumbers';

/**
 * The Phone Numbers view. With one Vogent workspace its groups sit at the root; with several, each
 * workspace is a root node holding its own groups, errors and retry. Each workspace's part is drawn
 * by its own branch.
 */
export class PhoneNumbersProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly branches = new Map<string, WorkspaceBranch>();
  private readonly tops = new Map<string, WorkspaceItem>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly workspaces: VogentWorkspaces) {
    this.subscriptions = [
      workspaces.onDidChangeList(() => this.onListChanged()),
      // Also for a workspace not drawn yet (collapsed): its node's description and menus follow its state.
      workspaces.onDidChangeState(({ workspace, change }) => workspaces.get(workspace.id) === workspace && this.branch(workspace).onConnectionChanged(change)),
    ];
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node;
  }

  resolveTreeItem(_item: vscode.TreeItem, node: TreeNode): TreeNode {
    if (node instanceof PhoneNumberItem) node.resolveTooltip();
    return node;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node instanceof WorkspaceItem || !('workspaceId' in node)) return undefined;
    return this.branches.get(node.workspaceId)?.parentOf(node);
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return this.roots();
    if (node instanceof WorkspaceItem) return this.branchOf(node.workspaceId)?.children() ?? [];
    if (node instanceof NumberGroupItem) return this.branchOf(node.workspaceId)?.groupChildren(node.key) ?? [];
    return [];
  }

  /** "Load more…" of a group; without a workspace, of the first one. */
  async showMore(key: GroupKey, workspaceId?: string): Promise<void> {
    await this.branchOf(workspaceId ?? this.workspaces.all[0]?.id)?.showMore(key);
  }

  /** "Show N earlier" of a group. */
  showEarlier(key: GroupKey, workspaceId?: string): void {
    this.branchOf(workspaceId ?? this.workspaces.all[0]?.id)?.showEarlier(key);
  }

  /** Shows enough of the number's group to include it, and returns its row for the view to reveal. */
  rowOf(workspace: VogentWorkspace, number: PhoneNumber): TreeNode {
    return this.branch(workspace).rowOf(number);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }

  private async roots(): Promise<TreeNode[]> {
    await this.workspaces.ready;
    const all = this.workspaces.all;
    if (all.length === 1) return this.branch(all[0]).children();
    return all.map((workspace) => {
      const top = this.top(workspace);
      top.update(workspace);
      return top;
    });
  }

  private onListChanged(): void {
    const ids = new Set(this.workspaces.all.map((w) => w.id));
    for (const id of [...this.branches.keys()].filter((id) => !ids.has(id))) {
      this.branches.delete(id);
      this.tops.delete(id);
    }
    this.changed.fire(undefined);
  }

  private branchOf(id: string | undefined): WorkspaceBranch | undefined {
    const workspace = this.workspaces.get(id);
    return workspace && this.branch(workspace);
  }

  private branch(workspace: VogentWorkspace): WorkspaceBranch {
    let branch = this.branches.get(workspace.id);
    if (!branch) {
      const host = {
        fire: (node: TreeNode | undefined) => this.changed.fire(node),
        top: () => (this.workspaces.all.length > 1 ? this.top(workspace) : undefined),
        withProgress: <T>(work: Promise<T>) => Promise.resolve(vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => work)),
      };
      this.branches.set(workspace.id, (branch = new WorkspaceBranch(workspace, host)));
    }
    return branch;
  }

  private top(workspace: VogentWorkspace): WorkspaceItem {
    let top = this.tops.get(workspace.id);
    if (!top) this.tops.set(workspace.id, (top = new WorkspaceItem(workspace.id)));
    return top;
  }
}
