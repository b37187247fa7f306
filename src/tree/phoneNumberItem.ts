import * as vscode from 'vscode';
import { displayNumber } from '../numbers/formatNumber';
import { agentName, numberTooltip, spokenNumber, type AgentLookup } from '../numbers/presentation';
import type { PhoneNumber } from '../vogent/shapes';

/**
 * One number. Its `contextValue` holds the tokens package.json's menus match: `phoneNumber`, the type
 * (`pstn`, `sip`, `other`) and `linked` or `unlinked`. The tooltip is built when VS Code asks for it.
 */
export class PhoneNumberItem extends vscode.TreeItem {
  constructor(
    readonly workspaceId: string,
    readonly phoneNumber: PhoneNumber,
    private readonly agents: AgentLookup,
  ) {
    super(displayNumber(phoneNumber), vscode.TreeItemCollapsibleState.None);
    const linked = phoneNumber.agentId !== null;
    const type = phoneNumber.type === 'PSTN' ? 'pstn' : phoneNumber.type === 'SIP_USERNAME' ? 'sip' : 'other';
    this.id = `${workspaceId}/number:${phoneNumber.id}`;
    this.description = agentName(phoneNumber.agentId, agents);
    this.iconPath = new vscode.ThemeIcon(ICONS[type], new vscode.ThemeColor(linked ? 'charts.green' : 'disabledForeground'));
    this.contextValue = `phoneNumber ${type} ${linked ? 'linked' : 'unlinked'}`;
    this.accessibilityInformation = { label: spokenNumber(phoneNumber, agents) };
  }

  resolveTooltip(): void {
    this.tooltip ??= new vscode.MarkdownString(numberTooltip(this.phoneNumber, this.agents));
  }
}

/** The rows of one workspace drawn before, by number: drawn again as they are while the number and the agent names are unchanged. */
export class PhoneNumberRows {
  private readonly drawn = new WeakMap<PhoneNumber, { row: PhoneNumberItem; agents: AgentLookup; namesLoaded: boolean }>();

  constructor(private readonly workspaceId: string) {}

  row(number: PhoneNumber, agents: AgentLookup): PhoneNumberItem {
    const drawn = this.drawn.get(number);
    if (drawn?.agents === agents && drawn.namesLoaded === agents.loaded) return drawn.row;
    const row = new PhoneNumberItem(this.workspaceId, number, agents);
    this.drawn.set(number, { row, agents, namesLoaded: agents.loaded });
    return row;
  }
}

const ICONS = { pstn: 'device-mobile', sip: 'plug', other: 'question' } as const;
