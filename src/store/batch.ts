import { AtlasError } from '../errors.js';
import type { GraphChange } from './GraphStore.js';
import { quadsToNQuads } from './nquads.js';

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

/** Decodes a payload written by `encodeBatch`. */
export function decodeBatch(payload: Uint8Array): DecodedBatch {
  const newline = payload.indexOf(10);
  if (newline < 0) throw new AtlasError('CORRUPT', 'log payload without a header line');
  const ops = JSON.parse(
    Buffer.from(payload.buffer, payload.byteOffset, newline).toString('utf8'),
  ) as BatchOp[];
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
