import type { Literal, Quad, Term } from '@rdfjs/types';
import { AtlasError } from '../errors.js';
import { rdf, xsd } from '../namespaces.js';

const ncNameStart =
  /[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\uFFFD]/u;
const ncNameChar =
  /[-.0-9A-Za-z_\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u203F-\u2040\u2070-\uFFFD]/u;
const ncName = new RegExp(`^${ncNameStart.source}${ncNameChar.source}*$`, 'u');
// XML 1.0 forbids these characters even as character references.
const notXmlChar = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u;

function escapeText(value: string): string {
  if (notXmlChar.test(value))
    throw unwritable(`the text ${JSON.stringify(value)} has characters XML 1.0 forbids`);
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

function unwritable(reason: string): AtlasError {
  return new AtlasError('UNSUPPORTED_FORMAT', `cannot write RDF/XML: ${reason}`);
}

/** Splits a predicate IRI into namespace and an XML local name (the longest NCName suffix). */
function splitPredicate(iri: string): [string, string] {
  let start = iri.length;
  while (start > 0 && ncNameChar.test(iri[start - 1] ?? '')) start -= 1;
  while (start < iri.length && !ncNameStart.test(iri[start] ?? '')) start += 1;
  if (start >= iri.length || start === 0) throw unwritable(`the predicate <${iri}> has no XML local name`);
  return [iri.slice(0, start), iri.slice(start)];
}

/**
 * Writes triples (graph names dropped) as flat, striped RDF/XML: one `rdf:Description` per subject, blank nodes by
 * `rdf:nodeID`. A predicate without an XML local name -> `AtlasError('UNSUPPORTED_FORMAT')`.
 */
export function writeRdfXml(quads: readonly Quad[], prefixes: Readonly<Record<string, string>>): string {
  const prefixOf = new Map<string, string>([[rdf.iri, 'rdf']]);
  for (const [prefix, ns] of Object.entries(prefixes)) {
    if (!prefixOf.has(ns) && ncName.test(prefix) && !/^xml/i.test(prefix)) prefixOf.set(ns, prefix);
  }
  const used = new Set<string>([rdf.iri]);
  const qname = (iri: string): string => {
    const [ns, local] = splitPredicate(iri);
    let prefix = prefixOf.get(ns);
    if (prefix === undefined) {
      const taken = new Set(prefixOf.values());
      for (let n = 0; prefix === undefined || taken.has(prefix); n += 1) prefix = `ns${n}`;
      prefixOf.set(ns, prefix);
    }
    used.add(ns);
    return `${prefix}:${local}`;
  };
  const nodeIds = new Map<string, string>();
  const takenIds = new Set<string>();
  const nodeId = (label: string): string => {
    let id = nodeIds.get(label);
    if (id === undefined) {
      id = label;
      for (let n = 0; !ncName.test(id) || takenIds.has(id); n += 1) id = `b${n}`;
      nodeIds.set(label, id);
      takenIds.add(id);
    }
    return id;
  };
  const subjectAttribute = (term: Term): string =>
    term.termType === 'BlankNode'
      ? `rdf:nodeID="${nodeId(term.value)}"`
      : `rdf:about="${escapeAttribute(term.value)}"`;

  const bySubject = new Map<string, { subject: Term; lines: string[] }>();
  for (const q of quads) {
    const key = `${q.subject.termType}:${q.subject.value}`;
    let entry = bySubject.get(key);
    if (entry === undefined) {
      entry = { subject: q.subject, lines: [] };
      bySubject.set(key, entry);
    }
    const tag = qname(q.predicate.value);
    entry.lines.push(`    ${propertyElement(tag, q.object, nodeId)}`);
  }
  const body = [...bySubject.values()].map(
    ({ subject, lines }) =>
      `  <rdf:Description ${subjectAttribute(subject)}>\n${lines.join('\n')}\n  </rdf:Description>\n`,
  );
  const namespaces = [...prefixOf.entries()]
    .filter(([ns]) => used.has(ns))
    .map(([ns, prefix]) => `\n    xmlns:${prefix}="${escapeAttribute(ns)}"`)
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${namespaces}>\n${body.join('')}</rdf:RDF>\n`;
}

function propertyElement(tag: string, object: Term, nodeId: (label: string) => string): string {
  switch (object.termType) {
    case 'NamedNode':
      return `<${tag} rdf:resource="${escapeAttribute(object.value)}"/>`;
    case 'BlankNode':
      return `<${tag} rdf:nodeID="${nodeId(object.value)}"/>`;
    case 'Literal':
      return `<${tag}${literalAttributes(object)}>${escapeText(object.value)}</${tag}>`;
    case 'Variable':
    case 'Quad':
    case 'DefaultGraph':
      throw unwritable(`a ${object.termType} cannot be an object`);
  }
}

function literalAttributes(literal: Literal): string {
  if (literal.language !== '') return ` xml:lang="${escapeAttribute(literal.language)}"`;
  if (literal.datatype.value === xsd('string')) return '';
  return ` rdf:datatype="${escapeAttribute(literal.datatype.value)}"`;
}
