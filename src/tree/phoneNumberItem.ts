import * as vscode from 'vscode';
import { describeNumber, type AgentLookup } from '../numbers/presentation';
import type { PhoneNumber } from '../vogent/shapes';

export class PhoneNumberItem extends vscode.TreeItem {
  constructor(
    readonly phoneNumber: PhoneNumber,
    agents: AgentLookup,
  ) {
    const view = describeNumber(phoneNumber, agents);
    super(view.label, vscode.TreeItemCollapsibleState.None);
    this.id = `number:${phoneNumber.id}`;
    this.description = view.description;
    this.tooltip = new vscode.MarkdownString(view.tooltip);
    this.iconPath = new vscode.ThemeIcon(view.icon.id, new vscode.ThemeColor(view.icon.color));
    this.contextValue = view.contextValue;
    this.accessibilityInformation = { label: `${view.label}, ${view.description}` };
  }
}
