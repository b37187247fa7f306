import * as vscode from 'vscode';
import type { PhoneNumbersProvider } from '../tree/phoneNumbersProvider';
import { reportError } from './reportError';

export function refresh(provider: PhoneNumbersProvider) {
  return async (): Promise<void> => {
    try {
      await provider.refresh();
    } catch (error) {
      await reportError('Could not refresh the phone numbers', error, () => vscode.commands.executeCommand('vogent.refresh'));
    }
  };
}
