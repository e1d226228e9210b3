import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Term } from '@rdfjs/types';
import { NamedQueries } from '../../src/sparql/index.js';
import { seededStore, type SeededStore } from './seededStore.js';

/**
 * Expected results of every named query over data/ (and, where data/ has no answer, over data/ plus invented TREs):
 * one JSON file per query in test/fixtures/queries/, a list of cases.
 */
interface QueryCase {
  name: string;
  /** Also load test/fixtures/queries/illustrative.ttl. */
  illustrative?: boolean;
  params?: Record<string, string | string[]>;
  /** Rows in order: each variable as the IRI or the literal's lexical value; variables left out are not compared. */
  expected: Array<Record<string, string>>;
  /** Variables holding space-separated lists (GROUP_CONCAT) whose order SPARQL leaves open: compared sorted. */
  sets?: string[];
}

const fixtures = fileURLToPath(new URL('../fixtures/queries/', import.meta.url));
const queriesDir = fileURLToPath(new URL('../../queries/', import.meta.url));
const illustrative = `${fixtures}illustrative.ttl`;

const caseFiles = readdirSync(fixtures).filter((file) => file.endsWith('.json'));

function plain(term: Term | undefined, set: boolean): string | undefined {
  return set ? term?.value.split(' ').sort().join(' ') : term?.value;
}

describe('named queries answer the questions of the TRE profile (expected results over data/)', function () {
  this.timeout(120_000);
  let queries: NamedQueries;
  let seed: SeededStore;
  let withExamples: SeededStore;

  before(async () => {
    queries = await NamedQueries.load(queriesDir);
    seed = await seededStore();
    withExamples = await seededStore([illustrative]);
  });
  after(async () => {
    await seed?.close();
    await withExamples?.close();
  });

  it('has an expected-results file for every query in queries/', () => {
    const names = queries.list().map((q) => q.name);
    assert.ok(names.length >= 8, `at least 8 named queries, found ${names.length}`);
    assert.deepEqual(caseFiles.map((file) => file.replace(/\.json$/, '')).sort(), names);
  });

  for (const file of caseFiles) {
    const name = file.replace(/\.json$/, '');
    const cases = JSON.parse(readFileSync(`${fixtures}${file}`, 'utf8')) as QueryCase[];
    for (const c of cases) {
      it(`${name}: ${c.name}`, async () => {
        const text = queries.bind(name, c.params ?? {});
        const result = await (c.illustrative === true ? withExamples : seed).store.query(text);
        assert.equal(result.kind, 'bindings');
        if (result.kind !== 'bindings') return;
        const compared = new Set(c.expected.flatMap((row) => Object.keys(row)));
        const actual = result.rows.map((row) => {
          const picked: Record<string, string> = {};
          for (const key of compared) {
            const value = plain(row[key], c.sets?.includes(key) === true);
            if (value !== undefined) picked[key] = value;
          }
          return picked;
        });
        assert.deepEqual(actual, c.expected);
      });
    }
  }
});
