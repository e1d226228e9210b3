import { userError } from './graphqlErrors.js';
import type { PageCursor } from './sparqlBuilder.js';

/** An opaque cursor: the order field, the sort key and the IRI of a node, as base64url JSON. */
export function encodeCursor(order: string, cursor: PageCursor): string {
  return Buffer.from(JSON.stringify([order, cursor.key, cursor.id])).toString('base64url');
}

/** Reads a cursor made by {@link encodeCursor} for the same order; anything else -> `BAD_USER_INPUT`. */
export function decodeCursor(order: string, text: string): PageCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[2] !== 'string' ||
    !(typeof parsed[1] === 'string' || parsed[1] === null)
  ) {
    throw userError('BAD_USER_INPUT', 'after: not a cursor returned by this listing');
  }
  if (parsed[0] !== order) {
    throw userError(
      'BAD_USER_INPUT',
      `after: the cursor belongs to an order by ${String(parsed[0])}, not by ${order}`,
    );
  }
  return { key: parsed[1] as string | null, id: parsed[2] };
}
