import type { Term } from '@rdfjs/types';
import { compactIri } from '../validate/index.js';

/** A term as a person reads it in a table: prefixed IRIs, plain literal values with their language. */
function cell(term: Term | undefined): string {
  if (term === undefined) return '';
  if (term.termType === 'NamedNode') return compactIri(term.value).replace(/^<(.*)>$/, '$1');
  if (term.termType === 'Literal') return term.language ? `${term.value} @${term.language}` : term.value;
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

/** SELECT results as an aligned text table with a header, a rule and a row count. */
export function formatTable(variables: readonly string[], rows: ReadonlyArray<Record<string, Term>>): string {
  const cells = rows.map((row) => variables.map((name) => cell(row[name]).replace(/\s+/g, ' ')));
  const widths = variables.map((name, i) => Math.max(name.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: readonly string[]): string =>
    values
      .map((value, i) => value.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const out = [line(variables), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
  out.push(`(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`);
  return `${out.join('\n')}\n`;
}
