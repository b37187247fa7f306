import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { KeySource } from '../connection/vogentConnection';

/**
 * The one owner of a workspace's API key: it lives only in SecretStorage, under the workspace's secret name. Remembers a digest of the stored key
 * (never the key), so that a change is announced exactly once, whether it was made in this window
 * or another, and also when SecretStorage skips writing a value equal to the stored one.
 */
export class ApiKeyStore implements KeySource, vscode.Disposable {
  private digest: string | undefined;
  /** Counts the changes applied (writes here, changes read after an event), so that an older read does not undo one. */
  private changes = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;

  /** Fires when the key is set, replaced or removed, in this window or another, and when it is stored again. */
  readonly onDidChange = this.changed.event;

  /** Settles once the store knows whether a key is stored. */
  readonly ready: Promise<void>;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly secret: string,
  ) {
    this.subscription = secrets.onDidChange(async (event) => {
      if (event.key !== secret) return;
      const changes = this.changes;
      const digest = digestOf(await this.read());
      if (digest === this.digest || changes !== this.changes) return;
      this.changes++;
      this.digest = digest;
      this.changed.fire();
    });
    // A change announced while this first read runs is newer than what it reads.
    this.ready = this.read().then((key) => {
      if (this.changes === 0) this.digest = digestOf(key);
      this.changed.fire();
    });
  }

  get hasKey(): boolean {
    return this.digest !== undefined;
  }

  /** Whether this is the stored key, told by its digest. */
  holds(key: string): boolean {
    return this.digest !== undefined && this.digest === digestOf(key);
  }

  get(): Promise<string | undefined> {
    return Promise.resolve(this.secrets.get(this.secret));
  }

  /** Stores the key and announces it, also when it equals the stored one: a rejected key entered again is tried again. */
  store(key: string): Promise<void> {
    return this.write(digestOf(key), () => this.secrets.store(this.secret, key));
  }

  remove(): Promise<void> {
    return this.write(undefined, () => this.secrets.delete(this.secret));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  /** The digest is set first, so SecretStorage's echo of this very change is not announced a second time. */
  private async write(digest: string | undefined, write: () => Thenable<void>): Promise<void> {
    // What is stored is known before it is changed: a failed write restores what was there.
    await this.ready;
    const before = this.digest;
    this.digest = digest;
    this.changes++;
    try {
      await write();
    } catch (error) {
      this.digest = before;
      throw error;
    }
    this.changed.fire();
  }

  private async read(): Promise<string | undefined> {
    try {
      return await this.secrets.get(this.secret);
    } catch {
      // Secret storage unavailable (e.g. no keyring): behave as if no key were set, so the welcome asks for one.
      return undefined;
    }
  }
}

function digestOf(key: string | undefined): string | undefined {
  return key === undefined ? undefined : createHash('sha256').update(key).digest('base64');
}
