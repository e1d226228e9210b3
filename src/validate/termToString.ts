import type { Term } from '@rdfjs/types';
import { xsd } from '../namespaces.js';

const escapes: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * Writes a term as the report does: an IRI as itself, a blank node as `_:label`, a literal in N-Triples syntax
 * (`"text"@en`, `"5"^^<http://www.w3.org/2001/XMLSchema#integer>`; `xsd:string` without a datatype).
 */
export function termToString(term: Term): string {
  switch (term.termType) {
    case 'NamedNode':
      return term.value;
    case 'BlankNode':
      return `_:${term.value}`;
    case 'Literal': {
      const lexical = `"${term.value.replace(/["\\\n\r\t]/g, (c) => escapes[c] ?? c)}"`;
      if (term.language) return `${lexical}@${term.language}`;
      if (term.datatype.value === xsd('string')) return lexical;
      return `${lexical}^^<${term.datatype.value}>`;
    }
    case 'Variable':
      return `?${term.value}`;
    case 'DefaultGraph':
      return '';
    case 'Quad':
      return `<< ${termToString(term.subject)} ${termToString(term.predicate)} ${termToString(term.object)} >>`;
  }
}
