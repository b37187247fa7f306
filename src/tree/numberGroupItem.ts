import * as vscode from 'vscode';
import type { GroupKey } from '../numbers/groups';
import { groupDescription, groupLabel } from '../numbers/presentation';

const ICONS: Record<string, string> = { PSTN: 'call-outgoing', SIP_USERNAME: 'plug' };

/** A group of numbers of one type. One instance per type lives as long as the view, so it can be refired alone. */
export class NumberGroupItem extends vscode.TreeItem {
  constructor(
    readonly workspaceId: string,
    readonly key: GroupKey,
  ) {
    super(groupLabel(key), vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `${workspaceId}/group:${key}`;
    this.iconPath = new vscode.ThemeIcon(ICONS[key] ?? 'question');
    this.contextValue = 'numberGroup';
  }

  setCount(count: number, complete: boolean, unreadable: number): void {
    this.description = groupDescription(count, complete);
    const loaded = complete ? `${count} ${groupLabel(this.key)}` : `${count} loaded so far; more pages remain`;
    this.tooltip = unreadable > 0 ? `${loaded}; ${unreadable} could not be read` : loaded;
    // Without it a screen reader reads the tooltip alone, which does not name the group while pages remain.
    const spoken = complete ? `${count}` : `${count} loaded so far, more pages remain`;
    this.accessibilityInformation = { label: `${groupLabel(this.key)}, ${spoken}${unreadable > 0 ? `, ${unreadable} could not be read` : ''}` };
  }
}
