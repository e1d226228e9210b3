import { AtlasError } from '../../errors.js';
import type { BulkHeader } from '../batch.js';
import type { Dataset } from '../GraphStore.js';

/** How far loading a bulk payload got: whether the replica changed, which store was loading. */
export interface BulkProgress {
  dirty: boolean;
  part: Dataset;
}

/** The chunks of `body` inside `ranges` and those outside. */
export function splitRanges(
  body: Uint8Array,
  ranges: Array<[number, number]>,
): { system: Uint8Array[]; rest: Uint8Array[] } {
  const system: Uint8Array[] = [];
  const rest: Uint8Array[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) rest.push(body.subarray(at, start));
    system.push(body.subarray(start, end));
    at = end;
  }
  if (at < body.length) rest.push(body.subarray(at));
  return { system, rest };
}

/** Lines of `chunks` joined, mapped back to lines of `body` (chunks are runs of whole lines of it). */
function bodyLine(body: Uint8Array, chunks: Uint8Array[], line: number): number {
  let seen = 0;
  for (const chunk of chunks) {
    let lines = 0;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    if (line <= seen + lines + 1) {
      let before = 0;
      const start = chunk.byteOffset - body.byteOffset;
      for (let i = body.indexOf(10); i >= 0 && i < start; i = body.indexOf(10, i + 1)) before++;
      return before + line - seen;
    }
    seen += lines;
  }
  return line;
}

/** An engine parse error as `AtlasError('SYNTAX')` naming the line of the bulk payload's N-Quads. */
export function nquadsError(error: unknown, body: Uint8Array, bulk: BulkHeader, part: Dataset): unknown {
  if (!(error instanceof Error) || error instanceof AtlasError) return error;
  const position = /line (\d+)(?: column (\d+)| between columns (\d+))?/.exec(error.message);
  if (!position)
    return new AtlasError('SYNTAX', `N-Quads: ${error.message}`, { context: { source: 'N-Quads' } });
  const { system, rest } = splitRanges(body, bulk.system);
  const parsedLine = Number(position[1]);
  const chunks = part === 'system' ? system : rest;
  const line = bulk.system.length > 0 ? bodyLine(body, chunks, parsedLine) : parsedLine;
  const column = Number(position[2] ?? position[3] ?? 0) || undefined;
  return new AtlasError('SYNTAX', `N-Quads line ${line}: ${error.message}`, {
    context: { source: 'N-Quads', line, ...(column ? { column } : {}) },
  });
}
