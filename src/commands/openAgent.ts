import * as vscode from 'vscode';
import { agentUrlTemplate } from '../config';
import type { PhoneNumbersProvider } from '../tree/phoneNumbersProvider';
import { agentUrl } from '../vogent/agentUrl';
import { linkedNumberOf } from './pickNumber';

/** Opens the dashboard page of a number's agent, from the `vogent.agentUrlTemplate` setting. */
export function openAgent(provider: PhoneNumbersProvider) {
  return async (target?: unknown): Promise<void> => {
    const number = await linkedNumberOf(provider, target, 'Open Linked Agent');
    if (!number) return;
    const url = agentUrl(agentUrlTemplate(), number.agentId);
    if (url instanceof Error) {
      const choice = await vscode.window.showErrorMessage(url.message, 'Open Settings');
      if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', 'vogent.agentUrlTemplate');
      return;
    }
    await vscode.env.openExternal(vscode.Uri.parse(url, true));
  };
}
