import * as vscode from 'vscode';
import { workspaceDescription } from '../numbers/presentation';
import type { VogentWorkspace } from '../workspaces/vogentWorkspaces';

/**
 * A Vogent workspace at the root of the view, shown when there are several. Its `contextValue` holds
 * the tokens package.json's menus match: `vogentWorkspace`, and `hasKey`, `ready` when they hold.
 */
export class WorkspaceItem extends vscode.TreeItem {
  constructor(readonly workspaceId: string) {
    super('', vscode.TreeItemCollapsibleState.Expanded);
    this.id = `workspace:${workspaceId}`;
    this.iconPath = new vscode.ThemeIcon('organization');
  }

  /** Shows the workspace's name and state; says whether anything shown changed. */
  update(workspace: VogentWorkspace): boolean {
    const { status, numbers } = workspace.connection;
    const description = workspaceDescription(status, numbers);
    const context = ['vogentWorkspace', ...(status !== 'no-key' ? ['hasKey'] : []), ...(status === 'ready' ? ['ready'] : [])].join(' ');
    const before = [this.label, this.description, this.contextValue].join('\n');
    this.label = workspace.name;
    this.description = description;
    this.tooltip = description ? `${workspace.name} — ${description}` : workspace.name;
    this.contextValue = context;
    this.accessibilityInformation = { label: `Vogent workspace ${workspace.name}${description ? `, ${description}` : ''}` };
    return [this.label, this.description, this.contextValue].join('\n') !== before;
  }
}
