import { AtlasError } from '../errors.js';

/** Default number of descriptions per page. */
export const defaultPageSize = 100;
/** Largest accepted `page_size`. */
export const maxPageSize = 1000;

/** What a catalogue request asks for, checked. */
export interface CatalogQuery {
  /** 1-based page number. */
  page: number;
  /** Descriptions per page, 1 .. {@link maxPageSize}. */
  pageSize: number;
  /** Only descriptions modified at or after this instant. */
  modifiedSince?: Date | undefined;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTimePattern =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;

function usage(message: string, context: Record<string, unknown>): AtlasError {
  return new AtlasError('USAGE', message, { context });
}

/**
 * An ISO 8601 date (`2026-12-01`, midnight UTC) or date-time (`2026-12-01T10:00:00Z`, `...+01:00`; without a zone,
 * UTC) as an instant; anything else, or an impossible date such as February 30th -> `AtlasError('USAGE')`.
 */
export function parseIsoInstant(value: string, name = 'modified_since'): Date {
  const date = datePattern.exec(value);
  const dateTime = dateTimePattern.exec(value);
  const parts = date ?? dateTime;
  const bad = (): AtlasError =>
    usage(
      `parameter ${name} must be an ISO 8601 date or date-time (e.g. 2026-12-01 or 2026-12-01T10:00:00Z), got '${value}'`,
      {
        [name]: value,
      },
    );
  if (parts === null) throw bad();
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = parts;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = [y, mo, d, h, mi, s].map(Number);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw bad();
  }
  const instant = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${fraction.slice(0, 4)}${zone}`);
  if (Number.isNaN(instant.getTime())) throw bad();
  return instant;
}

function positiveInteger(value: string | null, name: string, fallback: number, max?: number): number {
  if (value === null) return fallback;
  const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || (max !== undefined && n > max)) {
    const range = max === undefined ? 'a positive integer' : `an integer from 1 to ${max}`;
    throw usage(`parameter ${name} must be ${range}, got '${value}'`, { [name]: value });
  }
  return n;
}

/** Reads `page`, `page_size` and `modified_since` from a query string; bad values -> `AtlasError('USAGE')`. */
export function parseCatalogQuery(params: URLSearchParams): CatalogQuery {
  const since = params.get('modified_since');
  return {
    page: positiveInteger(params.get('page'), 'page', 1),
    pageSize: positiveInteger(params.get('page_size'), 'page_size', defaultPageSize, maxPageSize),
    // A '+' of a zone offset left unescaped in the query string arrives as a space.
    modifiedSince:
      since === null ? undefined : parseIsoInstant(since.trim().replace(/ (\d{2}:\d{2})$/, '+$1')),
  };
}
