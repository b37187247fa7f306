import * as vscode from 'vscode';
import type { GroupKey } from '../numbers/groups';

/**
 * The last row of a group with more to show. It says what a click adds: numbers already loaded ("Show
 * 100 more · 4,800 loaded", no request), or the next pages ("Load more…"). While loading it spins and
 * has no command, so clicks do nothing.
 */
export class LoadMoreItem extends vscode.TreeItem {
  constructor(
    readonly workspaceId: string,
    readonly key: GroupKey,
    state: { loading: boolean; hidden: number; loaded: number; pageSize: number },
  ) {
    super(label(state), vscode.TreeItemCollapsibleState.None);
    this.id = `${workspaceId}/more:${key}`;
    this.contextValue = 'loadMore';
    this.iconPath = new vscode.ThemeIcon(state.loading ? 'loading~spin' : 'ellipsis');
    this.command = state.loading ? undefined : { command: 'vogent.loadMore', title: 'Load More', arguments: [key, workspaceId] };
  }
}

function label({ loading, hidden, loaded, pageSize }: { loading: boolean; hidden: number; loaded: number; pageSize: number }): string {
  if (loading) return 'Loading…';
  if (hidden <= 0) return 'Load more…';
  return `Show ${Math.min(hidden, pageSize).toLocaleString('en-US')} more · ${loaded.toLocaleString('en-US')} loaded`;
}
