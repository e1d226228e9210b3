import type { LoadPlan, ReplicaQueryOptions } from './Replica.js';

/** A request the main thread sends to a query worker and expects an answer to. */
export type WorkerCall =
  | { op: 'query'; sparql: string; options: ReplicaQueryOptions; mediaType?: string }
  | { op: 'graph'; graph: string }
  | { op: 'listGraphs'; dataset: 'public' | 'system' }
  | { op: 'dump' };

/** Messages from the main thread to a query worker; the worker handles them in order. */
export type ToWorker =
  | { type: 'load'; plan: LoadPlan }
  | { type: 'apply'; seq: number; payload: Uint8Array }
  /** Load a bulk payload not yet durable; calls wait until `commit` (it is durable) or `abort`. */
  | { type: 'stage'; id: number; payload: Uint8Array; validated: boolean }
  | { type: 'commit'; seq: number }
  | { type: 'abort' }
  | { type: 'call'; id: number; call: WorkerCall };

/** An error crossing the thread boundary. */
export interface WireError {
  code: string;
  message: string;
  context?: Record<string, unknown>;
}

/** Messages from a query worker to the main thread. */
export type FromWorker =
  | { type: 'loaded'; seq: number }
  | { type: 'failed'; error: WireError }
  | { type: 'reply'; id: number; value?: unknown; error?: WireError };
