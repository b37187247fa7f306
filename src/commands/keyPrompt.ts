import * as vscode from 'vscode';
import type { VogentClient } from '../vogent/client';
import { isVogentError } from '../vogent/errors';
import { WorkspaceConflict } from '../workspaces/vogentWorkspaces';

/** How a key is asked for, checked and saved, for Set API Key… and Add Workspace…. */
export interface KeyPromptOptions {
  title: string;
  /** A client that sends the given key, for the check before saving. */
  clientWithKey: (key: string) => VogentClient;
  /** The name of the workspace that already holds this key, if another does. */
  holderOf: (key: string) => string | undefined;
  /** Stores the key; throws when SecretStorage cannot. */
  save: (key: string) => Promise<void>;
}

type Verdict = { ok: true } | { ok: false; rejected: boolean; message: string };

const PROMPT = 'Paste an API key from the Vogent dashboard (https://app.vogent.ai → API → Keys). It is kept in VS Code\'s secret storage.';

/**
 * Asks for a key, checks it with one cheap call, and saves it only if Vogent accepts it, or when the
 * check could not tell (Vogent unreachable) and the user presses Enter again: the prompt stays open
 * with the key in it, so nothing typed is lost. Resolves true once a key is saved.
 */
export function askForKey(options: KeyPromptOptions): Promise<boolean> {
  const input = vscode.window.createInputBox();
  Object.assign(input, { title: options.title, prompt: PROMPT, placeholder: 'Vogent API key', password: true, ignoreFocusOut: true });
  return new Promise<boolean>((resolve) => {
    /** A key the check could not tell about: Enter again saves it without another check. */
    let unchecked: string | undefined;
    let [hidden, saved] = [false, false];
    // Escape while the key is being saved cannot unsave it: the prompt's answer waits for the save.
    let saving: Promise<unknown> = Promise.resolve();
    input.onDidChangeValue(() => (input.validationMessage = undefined));
    input.onDidAccept(async () => {
      const key = input.value.trim();
      if (key === '') return void (input.validationMessage = 'Enter an API key, or press Escape to cancel.');
      const holder = options.holderOf(key);
      if (holder !== undefined) return failIn(input, `This key is already the workspace "${holder}".`);
      [input.busy, input.enabled] = [true, false];
      const verdict: Verdict = key === unchecked ? { ok: true } : await check(options, key);
      // Escape while the key was being checked means "cancel": save nothing.
      if (hidden) return;
      const save = verdict.ok ? trySave(options, key) : undefined;
      saving = save ?? saving;
      const failure = await save;
      saved = failure === true;
      // Escape while the save failed: the prompt is gone, so the failure is said in a notification.
      if (hidden && failure instanceof Error) void vscode.window.showErrorMessage(notSaved(failure));
      if (!hidden) unchecked = answer(input, key, verdict, failure) ?? unchecked;
    });
    input.onDidHide(() => {
      hidden = true;
      input.dispose();
      void saving.then(() => saved).then(resolve, () => resolve(false));
    });
    input.show();
  });
}

/** Closes the prompt once the key is saved, else says in it what is wrong; returns a key that could not be checked, for Enter to save as is. */
function answer(input: vscode.InputBox, key: string, verdict: Verdict, failure: true | Error | undefined): string | undefined {
  [input.busy, input.enabled] = [false, true];
  if (failure === true) return void input.hide();
  if (failure) return void failIn(input, notSaved(failure));
  if (verdict.ok) return undefined;
  if (verdict.rejected) return void failIn(input, `${verdict.message.replace(/\.?$/, '.')} Check the key and try again.`);
  const message = `The key could not be checked: ${verdict.message.replace(/\.?$/, '.')} Press Enter again to save it anyway, or Escape to cancel.`;
  input.validationMessage = { message, severity: vscode.InputBoxValidationSeverity.Warning };
  return key;
}

function failIn(input: vscode.InputBox, message: string): void {
  input.validationMessage = { message, severity: vscode.InputBoxValidationSeverity.Error };
}

/** The same without the prompt, for a key given as an argument (test mode only). */
export async function saveGivenKey(options: KeyPromptOptions, key: string): Promise<boolean> {
  const holder = options.holderOf(key);
  if (holder !== undefined) return refuse(`it is already the workspace "${holder}".`);
  const verdict = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Checking the Vogent API key…' }, () => check(options, key));
  if (verdict.ok) return save(options, key);
  return verdict.rejected ? refuse(verdict.message) : offerToSaveUnchecked(options, key, verdict.message);
}

function refuse(why: string): false {
  void vscode.window.showErrorMessage(`The key was not saved: ${why}`);
  return false;
}

async function check(options: KeyPromptOptions, key: string): Promise<Verdict> {
  try {
    await options.clientWithKey(key).listPhoneNumbers({ limit: 1 });
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A 403 on the listing is a key that cannot list numbers: no use to this extension.
    return { ok: false, rejected: isVogentError(error, 'unauthorized') || isVogentError(error, 'forbidden'), message };
  }
}

async function offerToSaveUnchecked(options: KeyPromptOptions, key: string, reason: string): Promise<boolean> {
  const choice = await vscode.window.showWarningMessage(
    'The key could not be checked.',
    { modal: true, detail: `${reason}\n\nSave it anyway? It will be used once Vogent can be reached.` },
    'Save Anyway',
  );
  return choice === 'Save Anyway' && save(options, key);
}

async function save(options: KeyPromptOptions, key: string): Promise<boolean> {
  const saved = await trySave(options, key);
  if (saved !== true) void vscode.window.showErrorMessage(notSaved(saved));
  return saved === true;
}

/** Why a key was not saved: a conflict says itself; anything else came from SecretStorage. */
function notSaved(error: Error): string {
  return error instanceof WorkspaceConflict ? `The key was not saved: ${error.message}` : `The key could not be saved in VS Code's secret storage: ${error.message}`;
}

/** True once saved, or why it could not be. */
async function trySave(options: KeyPromptOptions, key: string): Promise<true | Error> {
  try {
    await options.save(key);
    return true;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
