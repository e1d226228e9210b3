/** One entry of an HTTP `Accept` header. */
interface AcceptEntry {
  type: string;
  subtype: string;
  q: number;
  /** Position in the header, to keep the client's order among equals. */
  index: number;
}

function parseAccept(accept: string): AcceptEntry[] {
  const entries: AcceptEntry[] = [];
  accept.split(',').forEach((part, index) => {
    const [range = '', ...params] = part.split(';').map((s) => s.trim());
    const [type = '', subtype = ''] = range.toLowerCase().split('/');
    if (type === '' || subtype === '') return;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=').map((s) => s.trim());
      if (key?.toLowerCase() === 'q' && value !== undefined) {
        const parsed = Number(value);
        q = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 0;
      }
    }
    entries.push({ type, subtype, q, index });
  });
  return entries;
}

function specificity(entry: AcceptEntry): number {
  if (entry.type === '*') return 0;
  return entry.subtype === '*' ? 1 : 2;
}

/** The most specific entry of `entries` that matches `mediaType`, if any. */
function bestMatch(entries: AcceptEntry[], mediaType: string): AcceptEntry | undefined {
  const [type = '', subtype = ''] = mediaType.toLowerCase().split('/');
  let best: AcceptEntry | undefined;
  for (const entry of entries) {
    const matches =
      (entry.type === '*' || entry.type === type) && (entry.subtype === '*' || entry.subtype === subtype);
    if (matches && (best === undefined || specificity(entry) > specificity(best))) best = entry;
  }
  return best;
}

/**
 * Picks the media type to answer with from `offered` (server preference first) for an HTTP `Accept` header.
 * An absent or empty header accepts anything: the first offer wins. Among offers the client accepts, the
 * highest quality wins, then the client's order for explicitly named types, then the server's order.
 * Returns undefined when the client accepts none of the offers (answer 406).
 */
export function negotiateMediaType(
  accept: string | undefined,
  offered: readonly string[],
): string | undefined {
  if (accept === undefined || accept.trim() === '') return offered[0];
  const entries = parseAccept(accept);
  let chosen: { mediaType: string; q: number; rank: number } | undefined;
  offered.forEach((mediaType, offerIndex) => {
    const match = bestMatch(entries, mediaType);
    if (match === undefined || match.q <= 0) return;
    // Explicitly named types rank by the client's order; wildcard matches come after, in server order.
    const rank = specificity(match) === 2 ? match.index : entries.length + offerIndex;
    if (chosen === undefined || match.q > chosen.q || (match.q === chosen.q && rank < chosen.rank)) {
      chosen = { mediaType, q: match.q, rank };
    }
  });
  return chosen?.mediaType;
}
