import type { Quad, Quad_Object, Quad_Subject } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { dct, foaf, prov, rdf, sh, tre, xsd } from '../namespaces.js';
import { reportToQuads } from '../validate/index.js';
import type { HarvestReport, SourceReport } from './types.js';

const n = (iri: string) => DataFactory.namedNode(iri);
const time = (d: Date) => DataFactory.literal(d.toISOString(), n(xsd('dateTime')));
const int = (value: number) => DataFactory.literal(String(value), n(xsd('integer')));
const bool = (value: boolean) => DataFactory.literal(String(value), n(xsd('boolean')));

/** The count properties of a source harvest, in report order. */
export const countProperties = {
  fetched: tre('fetchedCount'),
  descriptions: tre('descriptionCount'),
  created: tre('newCount'),
  updated: tre('updatedCount'),
  unchanged: tre('unchangedCount'),
  invalid: tre('invalidCount'),
  withdrawn: tre('withdrawnCount'),
  errors: tre('errorCount'),
} as const;

/** Blank nodes of a validation report, relabelled so they never meet another graph's. */
function relabel(quads: Quad[], prefix: string): Quad[] {
  const map = <T extends Quad_Subject | Quad_Object>(t: T): T =>
    (t.termType === 'BlankNode' ? DataFactory.blankNode(`${prefix}${t.value}`) : t) as T;
  return quads.map((q) => DataFactory.quad(map(q.subject), q.predicate, map(q.object)));
}

function sourceQuads(run: string, r: SourceReport, index: number): Quad[] {
  const a = n(r.activity);
  const out: Array<[Quad_Subject, string, Quad_Object]> = [
    [a, rdf('type'), n(prov('Activity'))],
    [a, rdf('type'), n(tre('SourceHarvest'))],
    [a, dct('isPartOf'), n(run)],
    [a, dct('identifier'), DataFactory.literal(r.id)],
    [a, tre('sourceType'), DataFactory.literal(r.type)],
    [a, prov('used'), n(r.url)],
    [n(r.url), rdf('type'), n(prov('Entity'))],
    [a, prov('startedAtTime'), time(r.startedAt)],
    [a, prov('endedAtTime'), time(r.endedAt)],
    [a, tre('complete'), bool(r.complete)],
    [a, tre('sourceUnchanged'), bool(r.sourceUnchanged)],
  ];
  const counts: Record<keyof typeof countProperties, number> = {
    fetched: r.fetched,
    descriptions: r.descriptions,
    created: r.created.length,
    updated: r.updated.length,
    unchanged: r.unchanged.length,
    invalid: r.invalid.length,
    withdrawn: r.withdrawn.length,
    errors: r.errors.length,
  };
  for (const [key, p] of Object.entries(countProperties))
    out.push([a, p, int(counts[key as keyof typeof counts])]);
  for (const g of [...r.created, ...r.updated]) out.push([a, prov('generated'), n(g)]);
  for (const g of r.withdrawn) out.push([a, prov('invalidated'), n(g)]);
  for (const e of r.errors) out.push([a, tre('harvestError'), DataFactory.literal(e, 'en')]);
  const extra: Quad[] = [];
  r.invalid.forEach((inv, i) => {
    const node = n(`${r.activity}/invalid/${i + 1}`);
    out.push([a, tre('rejectedDescription'), node]);
    out.push([node, rdf('type'), n(tre('RejectedDescription'))]);
    out.push([node, foaf('primaryTopic'), n(inv.graph)]);
    const report = relabel(reportToQuads(inv.report), `h${index}i${i}r`);
    const root = report.find(
      (q) => q.predicate.value === rdf('type') && q.object.value === sh('ValidationReport'),
    );
    if (root !== undefined) out.push([node, tre('validationReport'), root.subject]);
    extra.push(...report);
  });
  return [...out.map(([s, p, o]) => DataFactory.quad(s, n(p), o)), ...extra];
}

/**
 * The PROV record of a run: the run (`prov:Activity`, `tre:HarvestRun`) and one `tre:SourceHarvest` activity per
 * source with its times, the source URL it `prov:used`, its counts, the graphs it `prov:generated` and
 * `prov:invalidated`, its errors and, per refused description, a `tre:RejectedDescription` with its SHACL report.
 */
export function reportQuads(report: HarvestReport): Quad[] {
  const run = n(report.activity);
  const head: Quad[] = [
    DataFactory.quad(run, n(rdf('type')), n(prov('Activity'))),
    DataFactory.quad(run, n(rdf('type')), n(tre('HarvestRun'))),
    DataFactory.quad(run, n(prov('startedAtTime')), time(report.startedAt)),
    DataFactory.quad(run, n(prov('endedAtTime')), time(report.endedAt)),
    DataFactory.quad(run, n(tre('complete')), bool(report.ok)),
  ];
  for (const s of report.sources) head.push(DataFactory.quad(run, n(dct('hasPart')), n(s.activity)));
  return [...head, ...report.sources.flatMap((s, i) => sourceQuads(report.activity, s, i))];
}
