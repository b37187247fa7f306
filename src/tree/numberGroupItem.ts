import * as vscode from 'vscode';
import type { GroupKey } from '../numbers/groups';
import { groupDescription, groupIcon, groupLabel } from '../numbers/presentation';

/** A group of numbers of one type. One instance per type lives as long as the view, so it can be refreshed alone. */
export class NumberGroupItem extends vscode.TreeItem {
  constructor(readonly key: GroupKey) {
    super(groupLabel(key), vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `group:${key}`;
    this.iconPath = new vscode.ThemeIcon(groupIcon(key));
    this.contextValue = 'numberGroup';
  }

  /** Returns whether what the user sees changed. */
  show(count: number, complete: boolean): boolean {
    const description = groupDescription(count, complete);
    const tooltip = complete ? `${count} ${this.label as string}` : `${count} loaded so far; more pages remain`;
    if (description === this.description && tooltip === this.tooltip) return false;
    this.description = description;
    this.tooltip = tooltip;
    return true;
  }
}
