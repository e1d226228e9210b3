/** What `/ready` reports. */
export type ReadinessState = 'starting' | 'ready' | 'failed';

/**
 * The readiness of a server: `starting` while the store opens and the seed loads, then `ready`, or `failed`
 * with a reason. `/health` answers regardless; `/ready` answers 200 only when ready.
 */
export class Readiness {
  #state: ReadinessState;
  #reason: string | undefined;

  /** @param ready start as ready (for servers with nothing to load). */
  constructor(ready = false) {
    this.#state = ready ? 'ready' : 'starting';
  }

  /** The current state. */
  get state(): ReadinessState {
    return this.#state;
  }

  /** Why start-up failed, when it did. */
  get reason(): string | undefined {
    return this.#reason;
  }

  /** Marks the server ready to answer. */
  markReady(): void {
    this.#state = 'ready';
    this.#reason = undefined;
  }

  /** Marks start-up as failed. */
  markFailed(reason: string): void {
    this.#state = 'failed';
    this.#reason = reason;
  }
}
