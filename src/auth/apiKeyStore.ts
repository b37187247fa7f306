import * as vscode from 'vscode';

const SECRET = 'vogent.apiKey';

/**
 * The one owner of the API key. It lives only in SecretStorage; this class mirrors whether there is
 * one (and whether Vogent rejected it) into context keys for the welcome views and menus.
 */
export class ApiKeyStore implements vscode.Disposable {
  private present = false;
  private rejectedKey = false;
  private changes = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;

  /** Fires when the key is set, replaced or removed, in this window or another. */
  readonly onDidChange = this.changed.event;

  /** Settles once the store knows whether a key is stored. */
  readonly ready: Promise<void>;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange(async (event) => {
      if (event.key !== SECRET) return;
      this.changes++;
      this.rejectedKey = false;
      await this.sync();
      this.changed.fire();
    });
    this.ready = this.sync();
  }

  /**
   * Changes with every change of the key, announced by SecretStorage (for this window's changes too):
   * a failure seen under an older version says nothing of the current key.
   */
  get version(): number {
    return this.changes;
  }

  /** Reads whether a key is stored (no network), and sets the context keys. */
  private async sync(): Promise<void> {
    try {
      this.present = (await this.secrets.get(SECRET)) !== undefined;
    } catch {
      // Secret storage unavailable (e.g. no keyring): behave as if no key were set, so the welcome asks for one.
      this.present = false;
    }
    await this.publish();
  }

  get hasKey(): boolean {
    return this.present;
  }

  get rejected(): boolean {
    return this.rejectedKey;
  }

  get(): Promise<string | undefined> {
    return Promise.resolve(this.secrets.get(SECRET));
  }

  async store(key: string): Promise<void> {
    await this.secrets.store(SECRET, key);
    this.present = true;
    this.rejectedKey = false;
    await this.publish();
  }

  async remove(): Promise<void> {
    await this.secrets.delete(SECRET);
    this.present = false;
    this.rejectedKey = false;
    await this.publish();
  }

  /**
   * Vogent answered 401/403 to a request sent under key `version`: unless the key has changed since,
   * the view shows "rejected" and sends nothing until the key changes.
   */
  async markRejected(version: number): Promise<void> {
    if (this.rejectedKey || version !== this.changes) return;
    this.rejectedKey = true;
    await this.publish();
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private async publish(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'vogent.hasApiKey', this.present);
    await vscode.commands.executeCommand('setContext', 'vogent.apiKeyRejected', this.rejectedKey);
  }
}
