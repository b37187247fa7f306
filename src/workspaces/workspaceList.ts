// The list of Vogent workspaces as it is stored: ids and names only, never a key. Free of VS Code.

export interface WorkspaceEntry {
  readonly id: string;
  readonly name: string;
}

/** Where the list is kept (VS Code's globalState): shared by this machine's windows, not synced elsewhere. */
export interface ListStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

const LIST_KEY = 'vogent.workspaces';

/** The workspace a user of the one-key version already has: its key keeps the secret name it had. */
export const FIRST_WORKSPACE: WorkspaceEntry = { id: 'default', name: 'Vogent' };

/** The secret that holds a workspace's API key. */
export function secretNameOf(id: string): string {
  return id === FIRST_WORKSPACE.id ? 'vogent.apiKey' : `vogent.apiKey.${id}`;
}

/** The id of the workspace whose key a secret holds, or undefined for other secrets. */
export function idOfSecret(secret: string): string | undefined {
  if (secret === 'vogent.apiKey') return FIRST_WORKSPACE.id;
  return secret.startsWith('vogent.apiKey.') ? secret.slice('vogent.apiKey.'.length) : undefined;
}

/** The stored list; nothing stored (or nothing usable) is the one first workspace. */
export function readList(store: ListStore): WorkspaceEntry[] {
  const stored = store.get<unknown>(LIST_KEY);
  const entries = Array.isArray(stored) ? stored.filter(isEntry) : [];
  const unique = entries.filter((entry, i) => entries.findIndex((e) => e.id === entry.id) === i);
  return unique.length > 0 ? unique.map(({ id, name }) => ({ id, name })) : [FIRST_WORKSPACE];
}

export function writeList(store: ListStore, entries: readonly WorkspaceEntry[]): Thenable<void> {
  return store.update(LIST_KEY, entries.map(({ id, name }) => ({ id, name })));
}

/** Why a name cannot be given to a workspace, or undefined when it can. */
export function nameProblem(name: string, entries: readonly WorkspaceEntry[], renaming?: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter a name, for example Staging or Production.';
  if (trimmed.length > 60) return 'Use at most 60 characters.';
  // The name is shown and stored in the clear: a key pasted into the wrong box must not end up there.
  if (/^\S{24,}$/.test(trimmed) && /\d/.test(trimmed) && (/_/.test(trimmed) || (/[a-z]/.test(trimmed) && /[A-Z]/.test(trimmed)))) return 'That looks like an API key: enter a name here; the key comes next.';
  const taken = entries.find((e) => e.id !== renaming && e.name.trim().toLowerCase() === trimmed.toLowerCase());
  return taken ? `A workspace is already named "${taken.name}".` : undefined;
}

function isEntry(value: unknown): value is WorkspaceEntry {
  const entry = value as Partial<WorkspaceEntry> | null;
  return typeof entry?.id === 'string' && /^[\w-]{1,40}$/.test(entry.id) && typeof entry.name === 'string' && entry.name.trim() !== '';
}
