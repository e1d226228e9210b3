import { AtlasError } from '../errors.js';
import type { GraphChange } from './GraphStore.js';
import { quadsToNQuads, scanNQuads } from './nquads.js';
import { isSystemGraph } from './systemGraphs.js';

/** One operation of a logged batch: `r` replace, `d` delete, `a` add; `n` bytes of N-Quads follow. */
export interface BatchOp {
  g: string;
  op: 'r' | 'd' | 'a';
  n: number;
}

/** A decoded batch: its operations and the N-Quads bytes of each, in order. */
export interface DecodedBatch {
  ops: BatchOp[];
  data: Uint8Array[];
}

/**
 * Encodes a batch of changes as a log payload: a JSON line listing the operations, then the N-Quads of each.
 * Validates every change first, so an invalid change rejects the whole batch (`AtlasError('USAGE')`).
 */
export function encodeBatch(changes: readonly GraphChange[]): Buffer {
  const ops: BatchOp[] = [];
  const parts: Buffer[] = [];
  for (const change of changes) {
    if (!change || typeof change.graph !== 'string') {
      throw new AtlasError('USAGE', 'a change needs a graph IRI');
    }
    let op: BatchOp['op'];
    let text = '';
    if ('add' in change) {
      if (!Array.isArray(change.add))
        throw new AtlasError('USAGE', `graph <${change.graph}>: add must be a list of quads`);
      op = 'a';
      text = quadsToNQuads(change.add, change.graph);
    } else if (change.quads === null) {
      op = 'd';
      text = quadsToNQuads([], change.graph);
    } else if (Array.isArray(change.quads)) {
      op = 'r';
      text = quadsToNQuads(change.quads, change.graph);
    } else {
      throw new AtlasError('USAGE', `graph <${change.graph}>: a change needs quads (a list or null) or add`);
    }
    const bytes = Buffer.from(text, 'utf8');
    ops.push({ g: change.graph, op, n: bytes.length });
    parts.push(bytes);
  }
  const head = Buffer.from(JSON.stringify(ops) + '\n', 'utf8');
  return Buffer.concat([head, ...parts]);
}

/** The header of a bulk payload: the graphs it replaces and the byte ranges of its system-graph statements. */
export interface BulkHeader {
  graphs: string[];
  statements: number;
  system: Array<[number, number]>;
}

/** A decoded bulk payload: its header and N-Quads body (one statement per line, every one in a named graph). */
export interface DecodedBulk {
  bulk: BulkHeader;
  body: Uint8Array;
}

/**
 * Encodes N-Quads text as a bulk payload replacing every graph it names: a JSON header line, then the text as
 * is, in shared memory (worker threads read it without copies). Checks the statement structure (see
 * `scanNQuads`); the strict parse happens when a replica loads it.
 */
export function encodeBulk(nquads: Uint8Array): { payload: Uint8Array; header: BulkHeader } {
  const scan = scanNQuads(nquads, isSystemGraph);
  const header: BulkHeader = { graphs: scan.graphs, statements: scan.statements, system: scan.selected };
  const head = Buffer.from(JSON.stringify({ bulk: header }) + '\n', 'utf8');
  const payload = new Uint8Array(new SharedArrayBuffer(head.length + nquads.length));
  payload.set(head, 0);
  payload.set(nquads, head.length);
  return { payload, header };
}

function headerOf(payload: Uint8Array): { newline: number; json: unknown } {
  const newline = payload.indexOf(10);
  if (newline < 0) throw new AtlasError('CORRUPT', 'log payload without a header line');
  const json: unknown = JSON.parse(Buffer.from(payload.buffer, payload.byteOffset, newline).toString('utf8'));
  return { newline, json };
}

/** Decodes a payload written by `encodeBatch` or `encodeBulk`. */
export function decodePayload(payload: Uint8Array): DecodedBatch | DecodedBulk {
  const { newline, json } = headerOf(payload);
  if (Array.isArray(json)) return decodeBatch(payload);
  const bulk = (json as { bulk?: BulkHeader }).bulk;
  if (!bulk || !Array.isArray(bulk.graphs) || !Array.isArray(bulk.system))
    throw new AtlasError('CORRUPT', 'log payload with an unknown header');
  return { bulk, body: payload.subarray(newline + 1) };
}

/** Decodes a payload written by `encodeBatch`. */
export function decodeBatch(payload: Uint8Array): DecodedBatch {
  const { newline, json } = headerOf(payload);
  if (!Array.isArray(json)) throw new AtlasError('CORRUPT', 'log payload is not a batch');
  const ops = json as BatchOp[];
  const data: Uint8Array[] = [];
  let offset = newline + 1;
  for (const op of ops) {
    data.push(payload.subarray(offset, offset + op.n));
    offset += op.n;
  }
  if (offset !== payload.length)
    throw new AtlasError('CORRUPT', 'log payload length does not match its header');
  return { ops, data };
}
