import type { Logger } from 'pino';
import { AtlasError } from '../../errors.js';
import type { WorkerCall } from './protocol.js';
import type { LoadPlan } from './Replica.js';
import { fromWire, WorkerHandle, type StageAnswer } from './WorkerHandle.js';

/** Limits of one call: an absolute deadline (ms since epoch) and an abort signal. */
export interface CallLimits {
  deadline?: number;
  signal?: AbortSignal;
}

interface Task {
  call: WorkerCall;
  resolve(value: unknown): void;
  reject(error: Error): void;
  slot?: Slot;
  done: boolean;
  cleanup(): void;
}

interface Slot {
  handle: WorkerHandle;
  task?: Task;
  dead: boolean;
}

/** A bulk payload handed to the replicas before it is durable. */
export interface StagedLoad {
  /** The workers asked to stage it (the last one current). */
  handles: WorkerHandle[];
  answers: Promise<StageAnswer>[];
  /** Resolves when a replica has loaded it; rejects with the replica's error when it is refused. */
  accepted: Promise<void>;
  /** After `commit`: the other replicas loading it. */
  catchingUp: Promise<StageAnswer>[];
}

/**
 * A pool of query workers, each with a full replica. One call runs per worker at a time; a call over its
 * deadline (or aborted) gets `AtlasError('TIMEOUT')` and its worker is terminated and reloaded from the data
 * directory while the others keep serving.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly loads = new Set<Promise<void>>();
  private readonly staging = new Set<WorkerHandle>();
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly planFor: () => LoadPlan,
    private readonly logger: Logger,
  ) {}

  /** Starts the workers and waits until every replica is loaded. */
  async start(): Promise<void> {
    for (let i = 0; i < this.size; i++) this.slots.push({ handle: this.spawn(), dead: false });
    try {
      await Promise.all(this.slots.map((slot) => slot.handle.ready));
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  private spawn(): WorkerHandle {
    const handle = new WorkerHandle(this.planFor(), (broken, error) => this.replace(broken, error));
    const load = handle.ready.then(
      () => this.dispatch(),
      (error: Error) => {
        const slot = this.slots.find((s) => s.handle === handle);
        if (slot && !this.closed) {
          this.logger.error({ err: error }, 'a query worker could not load the data directory');
          slot.dead = true;
          this.dispatch();
        }
      },
    );
    this.loads.add(load);
    void load.finally(() => this.loads.delete(load));
    return handle;
  }

  private replace(handle: WorkerHandle, error: Error): void {
    const slot = this.slots.find((s) => s.handle === handle);
    if (!slot || this.closed) return;
    if (slot.task && !slot.task.done) this.finish(slot.task, error);
    this.logger.warn({ err: error }, 'query worker stopped; reloading its replica from the data directory');
    slot.task = undefined;
    slot.handle = this.spawn();
  }

  /** Replica loads in progress (they read snapshot and log files, which must not be deleted meanwhile). */
  loadsInFlight(): Promise<void>[] {
    return [...this.loads];
  }

  /** Queues a durable batch on every replica. */
  apply(seq: number, payload: Uint8Array): void {
    for (const slot of this.slots) if (!slot.dead) slot.handle.apply(seq, payload);
  }

  /** Follows a stage answer: the worker takes calls again once it has answered. */
  private track(handle: WorkerHandle, answer: Promise<StageAnswer>): Promise<StageAnswer> {
    // Calls go to other workers meanwhile: one still loading could not start them before it answers.
    this.staging.add(handle);
    const settled = (): void => {
      this.staging.delete(handle);
      this.dispatch();
    };
    answer.then(settled, settled);
    return answer;
  }

  /**
   * Has one replica load (and validate) a bulk payload not yet durable, while the others keep serving; the
   * others load it after `commit`, so that the first is not slowed down. A worker stopping meanwhile is
   * replaced and the next one tries.
   */
  stage(payload: Uint8Array): StagedLoad {
    const staged: StagedLoad = { handles: [], answers: [], accepted: Promise.resolve(), catchingUp: [] };
    const attempt = (tries: number): Promise<void> => {
      const live = this.slots.filter((s) => !s.dead);
      const slot = live.find((s) => s.handle.isReady && !s.task) ?? live[0];
      if (!slot || this.closed)
        return Promise.reject(new AtlasError('UNAVAILABLE', 'no query worker could load the batch'));
      const answer = this.track(slot.handle, slot.handle.stage(payload, false));
      staged.handles.push(slot.handle);
      staged.answers.push(answer);
      return answer.then(
        (a) => {
          if (a.error) throw fromWire(a.error);
        },
        (error: unknown) => {
          if (tries > 1) return attempt(tries - 1);
          throw new AtlasError('UNAVAILABLE', 'no query worker could load the batch', { cause: error });
        },
      );
    };
    staged.accepted = attempt(this.size + 1);
    staged.accepted.catch(() => undefined);
    return staged;
  }

  /**
   * The staged payload is durable as record `seq`: the replica that staged it shows it, the others load it now
   * (`staged.catchingUp` settles when they have).
   */
  commit(staged: StagedLoad, seq: number, payload: Uint8Array): void {
    for (const slot of this.slots) {
      if (slot.dead) continue;
      if (staged.handles.includes(slot.handle)) {
        slot.handle.commit(seq);
      } else {
        staged.catchingUp.push(this.track(slot.handle, slot.handle.stage(payload, true)));
        slot.handle.commit(seq);
      }
    }
  }

  /**
   * The staged payload is dropped: once the replica has answered, if it changed it is replaced by a worker
   * reloading the data directory (calls waiting on it move to the others), else it serves on.
   */
  async abort(staged: StagedLoad): Promise<void> {
    const answers = await Promise.allSettled(staged.answers);
    staged.handles.forEach((handle, i) => {
      const answer = answers[i]!;
      if (answer.status === 'rejected') return;
      if (!answer.value.changed) return handle.abort();
      const slot = this.slots.find((s) => s.handle === handle);
      if (!slot || this.closed) return;
      const task = slot.task;
      slot.task = undefined;
      if (task && !task.done) {
        task.slot = undefined;
        this.queue.unshift(task);
      }
      slot.handle = this.spawn();
      void handle.terminate();
    });
    this.dispatch();
  }

  /** Runs a call on the next free worker within `limits`. */
  run(call: WorkerCall, limits: CallLimits = {}): Promise<unknown> {
    if (this.closed) return Promise.reject(new AtlasError('UNAVAILABLE', 'the store is closed'));
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const onAbort = (): void =>
        this.expire(task, new AtlasError('TIMEOUT', 'query aborted', { context: { aborted: true } }));
      const task: Task = {
        call,
        resolve,
        reject,
        done: false,
        cleanup: () => {
          if (timer) clearTimeout(timer);
          limits.signal?.removeEventListener('abort', onAbort);
        },
      };
      if (limits.signal?.aborted) return onAbort();
      limits.signal?.addEventListener('abort', onAbort, { once: true });
      if (limits.deadline !== undefined) {
        const ms = Math.max(0, limits.deadline - Date.now());
        timer = setTimeout(
          () =>
            this.expire(
              task,
              new AtlasError('TIMEOUT', `query exceeded its time limit`, { context: { timeoutMs: ms } }),
            ),
          ms,
        );
      }
      this.queue.push(task);
      this.dispatch();
    });
  }

  private finish(task: Task, error?: Error, value?: unknown): void {
    if (task.done) return;
    task.done = true;
    task.cleanup();
    if (error) task.reject(error);
    else task.resolve(value);
  }

  private expire(task: Task, error: AtlasError): void {
    if (task.done) return;
    const queued = this.queue.indexOf(task);
    if (queued >= 0) this.queue.splice(queued, 1);
    this.finish(task, error);
    const slot = task.slot;
    if (slot && slot.task === task && !slot.handle.cancelIfWaiting()) {
      // The query is running and oxigraph cannot be interrupted: stop the thread and reload a replica.
      // (A call still waiting behind writes was withdrawn instead; its slot frees when the worker answers.)
      this.logger.warn(
        { err: error },
        'a query ran past its limit: restarting its worker from the data directory',
      );
      slot.task = undefined;
      const old = slot.handle;
      slot.handle = this.spawn();
      void old.terminate(error);
    }
  }

  private dispatch(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (slot.dead || slot.task || !slot.handle.isReady || this.queue.length === 0) continue;
      if (this.staging.has(slot.handle)) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      task.slot = slot;
      slot.handle.call(task.call).then(
        (value) => this.settle(slot, task, undefined, value),
        (error: Error) => this.settle(slot, task, error),
      );
    }
    if (this.slots.length > 0 && this.slots.every((s) => s.dead)) {
      for (const task of this.queue.splice(0)) {
        this.finish(task, new AtlasError('UNAVAILABLE', 'no query worker could load the data directory'));
      }
    }
  }

  private settle(slot: Slot, task: Task, error?: Error, value?: unknown): void {
    if (task.slot !== slot) return; // moved to another worker
    if (slot.task === task) slot.task = undefined;
    this.finish(task, error, value);
    this.dispatch();
  }

  /** Stops every worker; queued and running calls reject. */
  async close(): Promise<void> {
    this.closed = true;
    const error = new AtlasError('UNAVAILABLE', 'the store is closed');
    for (const task of this.queue.splice(0)) this.finish(task, error);
    await Promise.all(this.slots.map((slot) => slot.handle.terminate(error)));
  }
}
