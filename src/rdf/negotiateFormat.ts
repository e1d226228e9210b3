import { AtlasError } from '../errors.js';
import { allRdfFormats, type RdfFormat } from './formats.js';

/** One media range of an Accept header. */
interface MediaRange {
  type: string;
  subtype: string;
  q: number;
  index: number;
}

/** Parses an Accept header into media ranges (lower case; parameters other than q ignored; malformed skipped). */
export function parseAccept(accept: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  accept.split(',').forEach((part, index) => {
    const [range = '', ...params] = part.split(';').map((s) => s.trim());
    const match = /^([a-z0-9!#$%&'*+.^_`|~-]+)\/([a-z0-9!#$%&'*+.^_`|~-]+)$/i.exec(range);
    if (match === null) return;
    const [, type = '', subtype = ''] = match;
    if (type === '*' && subtype !== '*') return;
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split('=').map((s) => s.trim());
      if (name?.toLowerCase() === 'q')
        q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value ?? '') ? Number(value) : NaN;
    }
    if (!Number.isNaN(q)) ranges.push({ type: type.toLowerCase(), subtype: subtype.toLowerCase(), q, index });
  });
  return ranges;
}

interface Preference {
  q: number;
  specificity: number;
  index: number;
}

/** How `ranges` rate one media type: the most specific matching range decides (RFC 9110 section 12.5.1). */
function preferenceFor(mediaType: string, ranges: readonly MediaRange[]): Preference | undefined {
  const [type, subtype] = mediaType.split('/');
  let best: Preference | undefined;
  for (const range of ranges) {
    const specificity =
      range.type === type && range.subtype === subtype
        ? 2
        : range.type === type && range.subtype === '*'
          ? 1
          : 0;
    const matches = specificity > 0 || (range.type === '*' && range.subtype === '*');
    if (!matches) continue;
    if (best === undefined || specificity > best.specificity)
      best = { q: range.q, specificity, index: range.index };
  }
  return best;
}

function better(a: Preference, b: Preference): boolean {
  if (a.q !== b.q) return a.q > b.q;
  if (a.specificity !== b.specificity) return a.specificity > b.specificity;
  return a.index < b.index;
}

/**
 * The candidate the Accept header prefers, honouring q-values and wildcards; ties go to the more specific range,
 * then the earlier range, then the earlier candidate. An empty or missing header picks the first candidate.
 * Nothing acceptable -> `AtlasError('UNSUPPORTED_FORMAT')` (HTTP 406).
 */
export function negotiateFormat(
  accept: string | undefined,
  candidates: readonly RdfFormat[] = allRdfFormats,
): RdfFormat {
  const first = candidates[0];
  if ((accept === undefined || accept.trim() === '') && first !== undefined) return first;
  const ranges = parseAccept(accept ?? '');
  let chosen: { format: RdfFormat; preference: Preference } | undefined;
  for (const format of candidates) {
    for (const mediaType of format.mediaTypes) {
      const preference = preferenceFor(mediaType, ranges);
      if (preference === undefined || preference.q <= 0) continue;
      // Aliases count only when named exactly, so `text/turtle;q=0, */*` cannot pick Turtle by an alias.
      if (mediaType !== format.mediaType && preference.specificity < 2) continue;
      if (chosen === undefined || better(preference, chosen.preference)) chosen = { format, preference };
    }
  }
  if (chosen === undefined) {
    const offered = candidates.map((f) => f.mediaType).join(', ');
    throw new AtlasError('UNSUPPORTED_FORMAT', `none of the offered media types is acceptable (${offered})`, {
      context: { accept, offered: candidates.map((f) => f.mediaType), status: 406 },
    });
  }
  return chosen.format;
}
