import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AtlasError, type ErrorCode } from '../../errors.js';
import type { FromWorker, ToWorker, WireError, WorkerCall } from './protocol.js';
import type { LoadPlan } from './Replica.js';

const runningTypeScript = import.meta.url.endsWith('.ts');
const entry = new URL(runningTypeScript ? './queryWorker.ts' : './queryWorker.js', import.meta.url);
// Under tsx (mocha, bin/tre-atlas.js) a worker does not inherit the TypeScript loader (and Node 20 workers
// ignore `--import` in execArgv): a CommonJS bootstrap registers tsx's require hook, then loads the entry.
const bootstrap = runningTypeScript
  ? `require(${JSON.stringify(fileURLToPath(import.meta.resolve('tsx/cjs/api')))}).register();` +
    `require(${JSON.stringify(fileURLToPath(entry))});`
  : undefined;

/** Turns an error from a worker back into an AtlasError. */
export function fromWire(error: WireError): AtlasError {
  return new AtlasError(
    error.code as ErrorCode,
    error.message,
    error.context ? { context: error.context } : {},
  );
}

/** A replica's answer to a staged bulk payload. */
export interface StageAnswer {
  error?: WireError;
  /** The replica changed (it loaded the payload, or failed part way): it must not serve unless committed. */
  changed: boolean;
}

/** The main thread's side of one query worker thread holding a full replica. */
export class WorkerHandle {
  /** Resolves once the replica is loaded; rejects when loading fails. */
  readonly ready: Promise<void>;
  isReady = false;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 1;
  /** Shared with the worker: the id of the call it may start; it swaps in -id when it starts, 0 = cancelled. */
  private readonly control = new Int32Array(new SharedArrayBuffer(4));
  private currentCall = 0;
  private stopped = false;

  /** `onBroken` is called once if the worker dies or its replica fails after loading. */
  constructor(
    plan: LoadPlan,
    private readonly onBroken: (handle: WorkerHandle, error: Error) => void,
  ) {
    const workerData = { control: this.control };
    this.worker = bootstrap
      ? new Worker(bootstrap, { eval: true, workerData })
      : new Worker(entry, { workerData });
    let loaded: () => void;
    let failed: (error: Error) => void;
    this.ready = new Promise<void>((resolve, reject) => {
      loaded = resolve;
      failed = reject;
    });
    this.ready.catch(() => undefined);
    this.worker.on('message', (message: FromWorker) => {
      if (message.type === 'loaded') {
        this.isReady = true;
        loaded();
      } else if (message.type === 'failed') {
        const error = fromWire(message.error);
        if (this.isReady) this.break(error);
        else failed(error);
      } else {
        const waiter = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiter?.reject(fromWire(message.error));
        else waiter?.resolve(message.value);
      }
    });
    const died = (error: Error): void => {
      if (!this.isReady) failed(error);
      this.break(error);
    };
    this.worker.on('error', died);
    this.worker.on('exit', (code) =>
      died(new AtlasError('UNAVAILABLE', `query worker exited with code ${code}`)),
    );
    this.post({ type: 'load', plan });
  }

  private break(error: Error): void {
    if (this.stopped) return;
    this.stopped = true;
    this.rejectAll(error);
    void this.worker.terminate();
    // Before loading, failure rejects `ready` instead (the pool does not respawn a worker that cannot load).
    if (this.isReady) this.onBroken(this, error);
  }

  private rejectAll(error: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }

  private post(message: ToWorker): void {
    if (!this.stopped) this.worker.postMessage(message);
  }

  /** Queues a logged batch for the replica (applied in order, before later calls). */
  apply(seq: number, payload: Uint8Array): void {
    this.post({ type: 'apply', seq, payload });
  }

  /**
   * Has the replica load a bulk payload not yet durable (strictly, unless already `validated` by another) (later calls wait for `commit` or `abort`). Resolves with
   * the replica's answer (an error when the payload is refused; whether the replica changed); rejects when the
   * worker stops first.
   */
  stage(payload: Uint8Array, validated: boolean): Promise<StageAnswer> {
    if (this.stopped) return Promise.reject(new AtlasError('UNAVAILABLE', 'query worker stopped'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: (value) => resolve(value as StageAnswer), reject });
      this.post({ type: 'stage', id, payload, validated });
    });
  }

  /** The staged bulk payload is durable as record `seq`. */
  commit(seq: number): void {
    this.post({ type: 'commit', seq });
  }

  /** The staged bulk payload is dropped; for a replica it left unchanged (one that changed must be replaced). */
  abort(): void {
    this.post({ type: 'abort' });
  }

  /** Sends a call; it runs after everything posted before it. */
  call(call: WorkerCall): Promise<unknown> {
    if (this.stopped) return Promise.reject(new AtlasError('UNAVAILABLE', 'query worker stopped'));
    const id = this.nextId++;
    this.currentCall = id;
    Atomics.store(this.control, 0, id);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ type: 'call', id, call });
    });
  }

  /**
   * Withdraws the latest call if the worker has not started it yet (it is still applying earlier writes);
   * false when it is already running.
   */
  cancelIfWaiting(): boolean {
    const id = this.currentCall;
    return id !== 0 && Atomics.compareExchange(this.control, 0, id, 0) === id;
  }

  /** Stops the thread at once (even inside a running query); pending calls reject with `error`. */
  async terminate(error: Error = new AtlasError('UNAVAILABLE', 'query worker stopped')): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.rejectAll(error);
    await this.worker.terminate();
  }
}
