/** Prefixes for writing the catalogue: those of `namespaces.ts` plus the namespaces DCAT-AP reuses. */
import { eli, locn, prefixes, spdx, time } from '../namespaces.js';

/** Prefixes for writing the catalogue. */
export const catalogPrefixes: Readonly<Record<string, string>> = {
  ...prefixes,
  eli: eli.iri,
  locn: locn.iri,
  spdx: spdx.iri,
  time: time.iri,
};
