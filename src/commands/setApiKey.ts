import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { VogentClient } from '../vogent/client';
import { VogentError, isVogentError } from '../vogent/errors';

export interface SetApiKeyDeps {
  keys: ApiKeyStore;
  /** A client that sends the given key, for the check before saving. */
  clientWithKey: (key: string) => VogentClient;
  /** Test mode only: another extension must not be able to plant a key of its choosing. */
  acceptsArgument: boolean;
}

type Verdict = { ok: true } | { ok: false; rejected: boolean; message: string };

const PROMPT = 'Paste an API key from the Vogent dashboard (https://app.vogent.ai → API → Keys). It is kept in VS Code\'s secret storage.';

/**
 * Asks for a key, checks it with one cheap call, and saves it only if Vogent accepts it (or, when
 * Vogent cannot be reached, if the user says so). In test mode a key passed as an argument skips the prompt.
 */
export function setApiKey(deps: SetApiKeyDeps) {
  return async (key?: unknown): Promise<void> => {
    if (deps.acceptsArgument && typeof key === 'string' && key.trim() !== '') {
      const verdict = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Checking the Vogent API key…' },
        () => check(deps, key.trim()),
      );
      if (verdict.ok) return save(deps, key.trim());
      if (verdict.rejected) {
        void vscode.window.showErrorMessage(`The key was not saved: ${verdict.message}`);
        return;
      }
      return offerToSaveUnchecked(deps, key.trim(), verdict.message);
    }
    return prompt(deps);
  };
}

function prompt(deps: SetApiKeyDeps): Promise<void> {
  const input = vscode.window.createInputBox();
  input.title = deps.keys.rejected ? 'Replace the Vogent API Key' : 'Set the Vogent API Key';
  input.prompt = PROMPT;
  input.placeholder = 'Vogent API key';
  input.password = true;
  input.ignoreFocusOut = true;
  return new Promise<void>((resolve) => {
    let unchecked: { key: string; reason: string } | undefined;
    let hidden = false;
    input.onDidChangeValue(() => (input.validationMessage = undefined));
    input.onDidAccept(async () => {
      const key = input.value.trim();
      if (key === '') {
        input.validationMessage = 'Enter an API key, or press Escape to cancel.';
        return;
      }
      input.busy = true;
      input.enabled = false;
      const verdict = await check(deps, key);
      // Escape while the key was being checked means "cancel": save nothing.
      if (hidden) return;
      input.busy = false;
      input.enabled = true;
      if (verdict.ok) {
        await save(deps, key);
        input.hide();
      } else if (verdict.rejected) {
        input.validationMessage = { message: `${verdict.message.replace(/\.?$/, '.')} Check the key and try again.`, severity: vscode.InputBoxValidationSeverity.Error };
      } else {
        unchecked = { key, reason: verdict.message };
        input.hide();
      }
    });
    input.onDidHide(async () => {
      hidden = true;
      input.dispose();
      if (unchecked) await offerToSaveUnchecked(deps, unchecked.key, unchecked.reason);
      resolve();
    });
    input.show();
  });
}

async function check(deps: SetApiKeyDeps, key: string): Promise<Verdict> {
  try {
    await deps.clientWithKey(key).listPhoneNumbers({ limit: 1 });
    return { ok: true };
  } catch (error) {
    const message = error instanceof VogentError ? error.message : String(error);
    return { ok: false, rejected: isVogentError(error, 'unauthorized'), message };
  }
}

async function offerToSaveUnchecked(deps: SetApiKeyDeps, key: string, reason: string): Promise<void> {
  const choice = await vscode.window.showWarningMessage(
    'The key could not be checked.',
    { modal: true, detail: `${reason}\n\nSave it anyway? It will be used once Vogent can be reached.` },
    'Save Anyway',
  );
  if (choice === 'Save Anyway') await save(deps, key);
}

async function save(deps: SetApiKeyDeps, key: string): Promise<void> {
  await deps.keys.store(key);
  void vscode.window.setStatusBarMessage('$(check) Vogent API key saved', 4000);
}
