import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { VogentConnection } from '../connection/vogentConnection';
import type { VogentClient } from '../vogent/client';
import { isVogentError } from '../vogent/errors';
import { tell } from './tell';

export interface SetApiKeyDeps {
  keys: ApiKeyStore;
  connection: VogentConnection;
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
    if (!deps.acceptsArgument || typeof key !== 'string' || key.trim() === '') return prompt(deps);
    const verdict = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Checking the Vogent API key…' },
      () => check(deps, key.trim()),
    );
    if (verdict.ok) return save(deps, key.trim());
    if (verdict.rejected) void vscode.window.showErrorMessage(`The key was not saved: ${verdict.message}`);
    else await offerToSaveUnchecked(deps, key.trim(), verdict.message);
  };
}

function prompt(deps: SetApiKeyDeps): Promise<void> {
  const input = vscode.window.createInputBox();
  input.title = deps.connection.status === 'rejected' ? 'Replace the Vogent API Key' : 'Set the Vogent API Key';
  Object.assign(input, { prompt: PROMPT, placeholder: 'Vogent API key', password: true, ignoreFocusOut: true });
  return new Promise<void>((resolve) => {
    let unchecked: { key: string; reason: string } | undefined;
    let hidden = false;
    const fail = (message: string) => (input.validationMessage = { message, severity: vscode.InputBoxValidationSeverity.Error });
    input.onDidChangeValue(() => (input.validationMessage = undefined));
    input.onDidAccept(async () => {
      const key = input.value.trim();
      if (key === '') return void (input.validationMessage = 'Enter an API key, or press Escape to cancel.');
      [input.busy, input.enabled] = [true, false];
      const verdict = await check(deps, key);
      // Escape while the key was being checked means "cancel": save nothing.
      if (hidden) return;
      const saved = verdict.ok ? await trySave(deps, key) : undefined;
      [input.busy, input.enabled] = [false, true];
      if (saved === true) return input.hide();
      if (saved) return fail(`The key could not be saved in VS Code's secret storage: ${saved.message}`);
      if (verdict.ok) return;
      if (verdict.rejected) return fail(`${verdict.message.replace(/\.?$/, '.')} Check the key and try again.`);
      unchecked = { key, reason: verdict.message };
      input.hide();
    });
    input.onDidHide(() => {
      hidden = true;
      input.dispose();
      void (unchecked ? offerToSaveUnchecked(deps, unchecked.key, unchecked.reason) : Promise.resolve()).finally(resolve);
    });
    input.show();
  });
}

async function check(deps: SetApiKeyDeps, key: string): Promise<Verdict> {
  try {
    await deps.clientWithKey(key).listPhoneNumbers({ limit: 1 });
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A 403 on the listing is a key that cannot list numbers: no use to this extension.
    return { ok: false, rejected: isVogentError(error, 'unauthorized') || isVogentError(error, 'forbidden'), message };
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
  const saved = await trySave(deps, key);
  if (saved !== true) void vscode.window.showErrorMessage(`The key could not be saved in VS Code's secret storage: ${saved.message}`);
}

/** True once saved, or why it could not be. */
async function trySave(deps: SetApiKeyDeps, key: string): Promise<true | Error> {
  try {
    await deps.keys.store(key);
    tell('Vogent API key saved', 'check');
    return true;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
