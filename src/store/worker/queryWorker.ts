// Entry point of a query worker thread: holds a full replica and answers the main thread's messages in order.
import { parentPort, workerData } from 'node:worker_threads';
import { isAtlasError } from '../../errors.js';
import type { FromWorker, ToWorker, WireError, WorkerCall } from './protocol.js';
import { Replica } from './Replica.js';

const replica = new Replica();
const port = parentPort!;
const control = (workerData as { control: Int32Array }).control;

function wire(error: unknown): WireError {
  if (isAtlasError(error)) return { code: error.code, message: error.message, context: { ...error.context } };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

function run(call: WorkerCall): unknown {
  switch (call.op) {
    case 'query':
      return replica.query(call.sparql, call.options, call.mediaType);
    case 'graph':
      return replica.graph(call.graph);
    case 'listGraphs':
      return replica.listGraphs(call.dataset);
    case 'dump':
      return replica.dump();
  }
}

function send(message: FromWorker): void {
  port.postMessage(message);
}

/** A bulk payload loaded but not yet committed: whether it loaded, whether the replica changed. */
let staged: { ok: boolean; dirty: boolean } | undefined;
/** Calls arriving while a bulk payload is staged: they must not see it before it is durable. */
const held: ToWorker[] = [];

function settleStaged(commitSeq?: number): void {
  const was = staged!;
  staged = undefined;
  if (commitSeq !== undefined && was.ok) {
    replica.appliedSeq = commitSeq;
  } else if (commitSeq !== undefined || was.ok || was.dirty) {
    // The replica no longer matches the log: the main thread replaces this worker.
    const reason = commitSeq === undefined ? 'a staged bulk load was abandoned' : 'missed a bulk load';
    send({ type: 'failed', error: { code: 'UNAVAILABLE', message: `query worker ${reason}` } });
    return;
  }
  for (const message of held.splice(0)) handle(message);
}

function handle(message: ToWorker): void {
  if (staged && message.type === 'call') {
    held.push(message);
    return;
  }
  switch (message.type) {
    case 'stage': {
      const result = replica.stage(message.payload, message.validated);
      staged = { ok: result.error === undefined, dirty: result.dirty };
      const value = {
        changed: result.dirty,
        ...(result.error === undefined ? {} : { error: wire(result.error) }),
      };
      send({ type: 'reply', id: message.id, value });
      break;
    }
    case 'commit':
      if (staged) settleStaged(message.seq);
      break;
    case 'abort':
      if (staged) settleStaged();
      break;
    case 'load':
      try {
        replica.load(message.plan);
        send({ type: 'loaded', seq: replica.appliedSeq });
      } catch (error) {
        send({ type: 'failed', error: wire(error) });
      }
      break;
    case 'apply':
      try {
        replica.apply(message.seq, message.payload);
      } catch (error) {
        send({ type: 'failed', error: wire(error) });
      }
      break;
    case 'call':
      if (Atomics.compareExchange(control, 0, message.id, -message.id) !== message.id) {
        send({
          type: 'reply',
          id: message.id,
          error: { code: 'TIMEOUT', message: 'withdrawn before it started' },
        });
        break;
      }
      try {
        send({ type: 'reply', id: message.id, value: run(message.call) });
      } catch (error) {
        send({ type: 'reply', id: message.id, error: wire(error) });
      }
      break;
  }
}

port.on('message', handle);
