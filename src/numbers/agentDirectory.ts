import type { Agent, Page } from '../vogent/shapes';
import { CursorTrail } from './cursorTrail';

export type FetchAgentPage = (cursor: string | undefined, signal: AbortSignal) => Promise<Page<Agent>>;

/**
 * Every agent of the workspace, by id: loaded in full the first time a name is needed (the API has no
 * documented way to get one agent), and kept until reset.
 */
export class AgentDirectory {
  private agents: ReadonlyMap<string, Agent> | undefined;
  private loading: Promise<ReadonlyMap<string, Agent>> | undefined;
  private failure: Error | undefined;
  private controller = new AbortController();

  constructor(private readonly fetchPage: FetchAgentPage) {}

  get loaded(): boolean {
    return this.agents !== undefined;
  }

  /** Why the last load failed; kept (and not retried) until reset, so a failing API is not asked again on every render. */
  get error(): Error | undefined {
    return this.failure;
  }

  /** The agent, once loaded; `undefined` for an id no agent has (or before loading). */
  get(id: string): Agent | undefined {
    return this.agents?.get(id);
  }

  list(): Agent[] {
    return [...(this.agents?.values() ?? [])];
  }

  /** Loads every page once; callers that arrive meanwhile share the load. A failure stands until reset. */
  load(): Promise<ReadonlyMap<string, Agent>> {
    if (this.agents) return Promise.resolve(this.agents);
    if (this.failure) return Promise.reject(this.failure);
    if (!this.loading) {
      const { signal } = this.controller;
      const load = this.fetchAll(signal);
      this.loading = load;
      load.then(
        () => undefined,
        (error: unknown) => {
          if (!signal.aborted) this.failure = error instanceof Error ? error : new Error(String(error));
        },
      ).finally(() => {
        if (this.loading === load) this.loading = undefined;
      });
    }
    return this.loading;
  }

  reset(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.agents = undefined;
    this.loading = undefined;
    this.failure = undefined;
  }

  private async fetchAll(signal: AbortSignal): Promise<ReadonlyMap<string, Agent>> {
    const agents = new Map<string, Agent>();
    const trail = new CursorTrail();
    let cursor: string | undefined;
    do {
      const page = await this.fetchPage(cursor, signal);
      trail.accept(page.cursor, 'agents');
      for (const agent of page.data) agents.set(agent.id, agent);
      cursor = page.cursor ?? undefined;
    } while (cursor !== undefined);
    if (!signal.aborted) this.agents = agents;
    return agents;
  }
}
