import * as vscode from 'vscode';
import { displayNumber } from '../numbers/formatNumber';
import { agentName, numberTooltip, spokenNumber, type AgentLookup } from '../numbers/presentation';
import type { PhoneNumber } from '../vogent/shapes';

/**
 * One number. Its `contextValue` holds the tokens package.json's menus match: `phoneNumber`, the type
 * (`pstn`, `sip`, `other`) and `linked` or `unlinked`. The tooltip is built when VS Code asks for it.
 */
export class PhoneNumberItem extends vscode.TreeItem {
  private readonly namesLoaded: boolean;

  constructor(
    readonly workspaceId: string,
    readonly phoneNumber: PhoneNumber,
    private readonly agents: AgentLookup,
  ) {
    super(displayNumber(phoneNumber), vscode.TreeItemCollapsibleState.None);
    this.namesLoaded = agents.loaded;
    const linked = phoneNumber.agentId !== null;
    const type = phoneNumber.type === 'PSTN' ? 'pstn' : phoneNumber.type === 'SIP_USERNAME' ? 'sip' : 'other';
    this.id = `${workspaceId}/number:${phoneNumber.id}`;
    this.description = agentName(phoneNumber.agentId, agents);
    this.iconPath = new vscode.ThemeIcon(ICONS[type], new vscode.ThemeColor(linked ? 'charts.green' : 'disabledForeground'));
    this.contextValue = `phoneNumber ${type} ${linked ? 'linked' : 'unlinked'}`;
    this.accessibilityInformation = { label: spokenNumber(phoneNumber, agents) };
  }

  /** Whether this row still shows the number as these agent names have it: it can be drawn again as is. */
  showsNamesOf(agents: AgentLookup): boolean {
    return agents === this.agents && agents.loaded === this.namesLoaded;
  }

  resolveTooltip(): void {
    this.tooltip ??= new vscode.MarkdownString(numberTooltip(this.phoneNumber, this.agents));
  }
}

const ICONS = { pstn: 'device-mobile', sip: 'plug', other: 'question' } as const;
