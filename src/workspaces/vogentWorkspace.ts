// What a Vogent workspace is to the rest of the extension, apart from how the list keeps them.
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { ConnectionChange, VogentConnection } from '../connection/vogentConnection';
import type { PhoneNumber } from '../vogent/shapes';

/** A change to the list that cannot be made as asked: a name or key taken, a workspace gone. Its message is for the user. */
export class WorkspaceConflict extends Error {}

/** One Vogent workspace: a name the user gave it, its own key, and what is loaded under that key. */
export interface VogentWorkspace {
  readonly id: string;
  readonly name: string;
  readonly keys: ApiKeyStore;
  readonly connection: VogentConnection;
}

/** A number together with the Vogent workspace it belongs to. */
export interface WorkspaceNumber {
  workspace: VogentWorkspace;
  number: PhoneNumber;
}

/** A workspace as the list holds it: renamed in place, disposed when removed. */
export interface OpenWorkspace extends VogentWorkspace {
  name: string;
  dispose(): void;
}

export interface WorkspaceStateChange {
  workspace: VogentWorkspace;
  change: ConnectionChange;
}
