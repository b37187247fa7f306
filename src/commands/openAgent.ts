import * as vscode from 'vscode';
import { agentUrlTemplate } from '../config';
import { agentUrl } from '../vogent/agentUrl';
import type { VogentWorkspaces } from '../workspaces/vogentWorkspaces';
import { linkedNumberOf } from './pickNumber';

/** Opens the dashboard page of a number's agent, from the `vogent.agentUrlTemplate` setting. */
export function openAgent(workspaces: VogentWorkspaces) {
  return async (target?: unknown): Promise<void> => {
    const picked = await linkedNumberOf(workspaces, target, 'Open Linked Agent');
    if (picked?.number.agentId == null) return;
    const url = agentUrl(agentUrlTemplate(), picked.number.agentId);
    if (url instanceof Error) {
      const choice = await vscode.window.showErrorMessage(url.message, 'Open Settings');
      if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', 'vogent.agentUrlTemplate');
      return;
    }
    await openVerbatim(url);
  };
}

/**
 * A `Uri` decodes its path, so an agent id's encoded `/` (`%2F`) would reach the browser as a path
 * separator. The extension host also takes the URL as a string and opens that string unchanged.
 */
function openVerbatim(url: string): Thenable<boolean> {
  return vscode.env.openExternal(url as unknown as vscode.Uri);
}
