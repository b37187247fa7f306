import * as vscode from 'vscode';
import type { GroupKey } from '../numbers/groups';

/**
 * The first row of a group whose window starts past its first number (after Reveal jumped to a number
 * far down): a click shows the page before, from what is loaded, with no request.
 */
export class ShowEarlierItem extends vscode.TreeItem {
  constructor(
    readonly workspaceId: string,
    readonly key: GroupKey,
    count: number,
  ) {
    super(`Show ${count.toLocaleString('en-US')} earlier`, vscode.TreeItemCollapsibleState.None);
    this.id = `${workspaceId}/earlier:${key}`;
    this.contextValue = 'showEarlier';
    this.iconPath = new vscode.ThemeIcon('fold-up');
    this.command = { command: 'vogent.showEarlier', title: 'Show Earlier', arguments: [key, workspaceId] };
  }
}
