import * as vscode from 'vscode';

const SECRET = 'vogent.apiKey';

/**
 * The one owner of the API key. It lives only in SecretStorage; this class mirrors whether there is
 * one (and whether Vogent rejected it) into context keys for the welcome views and menus.
 */
export class ApiKeyStore implements vscode.Disposable {
  private present = false;
  private rejectedKey = false;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;

  /** Fires when the key is set, replaced or removed, in this window or another. */
  readonly onDidChange = this.changed.event;

  /** Settles once the store knows whether a key is stored. */
  readonly ready: Promise<void>;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange(async (event) => {
      if (event.key !== SECRET) return;
      this.rejectedKey = false;
      await this.sync();
      this.changed.fire();
    });
    this.ready = this.sync();
  }

  /** Reads whether a key is stored (no network), and sets the context keys. */
  private async sync(): Promise<void> {
    this.present = (await this.secrets.get(SECRET)) !== undefined;
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

  /** Vogent answered 401/403: the view shows "rejected" and sends nothing until the key changes. */
  async markRejected(): Promise<void> {
    if (this.rejectedKey) return;
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
