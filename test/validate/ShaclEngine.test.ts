import assert from 'node:assert/strict';
import { parseRdf, rdfFormats } from '../../src/rdf/index.js';
import {
  ShaclEngine,
  reportToJson,
  reportToQuads,
  reportToText,
  termToString,
} from '../../src/validate/index.js';

const shapesTtl = `
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:ThingShape a sh:NodeShape ; sh:targetClass ex:Thing ;
  sh:property ex:TitleShape, ex:CountShape, ex:InverseShape, ex:SeqShape .
ex:TitleShape sh:path dct:title ; sh:minCount 1 ;
  sh:message "Un titre"@fr, "A thing needs a title."@en .
ex:CountShape sh:path ex:count ; sh:datatype xsd:integer ; sh:severity sh:Warning .
ex:InverseShape sh:path [ sh:inversePath ex:partOf ] ; sh:maxCount 0 ; sh:severity sh:Info .
ex:SeqShape sh:path ( ex:a [ sh:zeroOrMorePath ex:b ] ) ; sh:class ex:Target .
`;

const dataTtl = `
@prefix ex: <http://example.org/> .
ex:one a ex:Thing ; ex:count "many" ; ex:a ex:x .
ex:part ex:partOf ex:one .
_:two a ex:Thing ; <http://purl.org/dc/terms/title> "ok" .
`;

async function turtle(text: string) {
  return parseRdf(text, { format: rdfFormats.turtle, source: 'test.ttl' });
}

describe('ShaclEngine', () => {
  it('reports results for requested focus nodes, mapped, ordered and with messages', async () => {
    const engine = await ShaclEngine.compile(await turtle(shapesTtl));
    const data = await turtle(dataTtl);
    const report = await engine.validate(data, {
      focusNodes: new Set(['http://example.org/one']),
      sources: new Map([['http://example.org/one', 'one.ttl']]),
    });
    assert.equal(report.conforms, false);
    const summary = report.results.map((r) => [
      r.severity,
      r.path,
      r.value,
      r.message.slice(0, 22),
      r.source,
    ]);
    assert.deepEqual(summary.slice(0, 3), [
      ['Violation', 'http://purl.org/dc/terms/title', undefined, 'A thing needs a title.', 'one.ttl'],
      ['Warning', 'http://example.org/count', '"many"', summary[1]?.[3], 'one.ttl'],
      ['Info', '^<http://example.org/partOf>', undefined, 'More than 0 values', 'one.ttl'],
    ]);
    assert.equal(report.results[3]?.path, '<http://example.org/a>/<http://example.org/b>*');
    assert.equal(report.results[3]?.constraint, 'http://www.w3.org/ns/shacl#ClassConstraintComponent');
    assert.equal(report.results[3]?.value, 'http://example.org/x');
    assert.equal(report.results[3]?.message, 'Value is not an instance of <http://example.org/Target>');
    assert.equal(report.results[0]?.shape, 'http://example.org/TitleShape');
  });

  it('leaves out focus nodes that were not asked for, and conforms without violations', async () => {
    const engine = await ShaclEngine.compile(await turtle(shapesTtl));
    const data = await turtle(dataTtl);
    const blank = data.find((q) => q.subject.termType === 'BlankNode')!.subject;
    const report = await engine.validate(data, { focusNodes: new Set([termToString(blank)]) });
    assert.deepEqual(report, { conforms: true, results: [] });
  });

  it('writes text, JSON and RDF reports that carry the same results', async () => {
    const engine = await ShaclEngine.compile(await turtle(shapesTtl));
    const report = await engine.validate(await turtle(dataTtl), {
      focusNodes: new Set(['http://example.org/one']),
      sources: new Map([['http://example.org/one', 'one.ttl']]),
    });
    const text = reportToText(report, { files: 2 });
    assert.match(
      text,
      /^one\.ttl\n {2}http:\/\/example\.org\/one\n {4}Violation dct:title: A thing needs a title\.$/m,
    );
    assert.match(text, /^ {4}Warning {3}<http:\/\/example\.org\/count> "many": /m);
    assert.match(text, /2 violations, 1 warning, 1 info in 2 files\n$/);
    const json = JSON.parse(JSON.stringify(reportToJson(report)));
    assert.equal(json.format, 'tre-atlas-report/1');
    assert.deepEqual(json.summary, { violations: 2, warnings: 1, infos: 1 });
    assert.deepEqual(json.results, report.results);
    const quads = reportToQuads(report);
    const sh = 'http://www.w3.org/ns/shacl#';
    const focus = quads.filter((q) => q.predicate.value === `${sh}focusNode`).map((q) => q.object.value);
    assert.deepEqual(
      focus,
      report.results.map((r) => r.focusNode),
    );
    const seqPath = quads.filter((q) => q.predicate.value === `${sh}zeroOrMorePath`);
    assert.equal(seqPath[0]?.object.value, 'http://example.org/b');
  });
});
