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

port.on('message', (message: ToWorker) => {
  switch (message.type) {
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
});
