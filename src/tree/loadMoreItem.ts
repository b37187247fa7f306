import * as vscode from 'vscode';
import type { GroupKey } from '../numbers/groups';

/** "Load more…" under a group while pages remain. While loading it spins and has no command, so clicks do nothing. */
export class LoadMoreItem extends vscode.TreeItem {
  constructor(
    readonly key: GroupKey,
    loading: boolean,
  ) {
    super(loading ? 'Loading…' : 'Load more…', vscode.TreeItemCollapsibleState.None);
    this.id = `more:${key}`;
    this.contextValue = 'loadMore';
    this.iconPath = new vscode.ThemeIcon(loading ? 'loading~spin' : 'ellipsis');
    this.command = loading ? undefined : { command: 'vogent.loadMore', title: 'Load More', arguments: [key] };
  }
}
