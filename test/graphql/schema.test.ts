import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildSchema, isEnumType, isObjectType, printSchema, type GraphQLObjectType } from 'graphql';
import { printGraphqlSchema } from '../../src/graphql/index.js';
import { acquireShared, gql, releaseShared, type Harness } from './graphqlHarness.js';

const run = promisify(execFile);

/** The type of a field as SDL, e.g. `[Certification!]!`. */
function fieldType(type: GraphQLObjectType, field: string): string | undefined {
  return type.getFields()[field]?.type.toString();
}

describe('GraphQL schema generated from the shapes', function () {
  let sdl: string;
  before(async () => {
    sdl = await printGraphqlSchema();
  });

  it('matches the committed snapshot src/graphql/schema.graphql (npm run graphql:schema regenerates it)', async () => {
    const snapshot = await readFile('src/graphql/schema.graphql', 'utf8');
    assert.equal(printSchema(buildSchema(snapshot)), printSchema(buildSchema(sdl)));
  });

  it('is what `tre-atlas graphql-schema` prints', async () => {
    const { stdout } = await run('npx', ['tsx', 'src/cli/main.ts', 'graphql-schema']);
    assert.equal(stdout, sdl);
  });

  it('has an object type per node shape with fields typed from the property shapes', () => {
    const schema = buildSchema(sdl);
    const tre = schema.getType('TRE');
    assert.ok(isObjectType(tre));
    assert.equal(
      tre.description,
      "A TRE description: a dcat:DataService with the TRE profile's required statements.",
    );
    assert.equal(fieldType(tre, 'id'), 'ID!');
    assert.equal(fieldType(tre, 'title'), 'String!', 'langString, unique per language, at least one');
    assert.deepEqual(
      tre.getFields()['title']?.args.map((a) => a.name),
      ['lang'],
    );
    assert.equal(fieldType(tre, 'keyword'), '[String!]!');
    assert.equal(fieldType(tre, 'publisher'), 'Organization!', 'sh:class, minCount 1, maxCount 1');
    assert.equal(fieldType(tre, 'certification'), '[Certification!]!');
    assert.equal(fieldType(tre, 'issued'), 'DateTime!', 'sh:or of xsd:date and xsd:dateTime');
    assert.equal(fieldType(tre, 'mfaRequired'), 'Boolean!');
    assert.equal(fieldType(tre, 'researcherAccreditationRequired'), 'Boolean', 'no minCount: nullable');
    assert.equal(fieldType(tre, 'country'), '[Concept!]!');
    assert.equal(fieldType(tre, 'outputControl'), 'Concept!');
    assert.equal(fieldType(tre, 'outputControlCode'), 'OutputControl!');
    assert.equal(
      tre.getFields()['mfaRequired']?.description,
      'Whether users must log in with multi-factor authentication.',
    );
    const cert = schema.getType('Certification');
    assert.ok(isObjectType(cert));
    assert.equal(fieldType(cert, 'expires'), 'Date');
    const control = schema.getType('Control');
    assert.ok(isObjectType(control));
    assert.equal(fieldType(control, 'safeCode'), '[FiveSafes!]!');
    for (const name of [
      'Organization',
      'ContactPoint',
      'Interface',
      'Federation',
      'FederationMembership',
      'Assessment',
      'CapabilityAssessment',
      'Agreement',
      'ComputeResource',
      'Dataset',
    ]) {
      assert.ok(isObjectType(schema.getType(name)), name);
    }
  });

  it('has enums only for the closed schemes', () => {
    const schema = buildSchema(sdl);
    const fiveSafes = schema.getType('FiveSafes');
    const output = schema.getType('OutputControl');
    assert.ok(isEnumType(fiveSafes) && isEnumType(output));
    assert.deepEqual(
      fiveSafes
        .getValues()
        .map((v) => v.name)
        .sort(),
      ['SAFE_DATA', 'SAFE_OUTPUTS', 'SAFE_PEOPLE', 'SAFE_PROJECTS', 'SAFE_SETTINGS'],
    );
    assert.deepEqual(
      output.getValues().map((v) => v.name),
      ['AUTOMATED', 'MANUAL', 'OFF', 'SEMI_AUTOMATED'],
    );
    assert.equal(schema.getType('AccessMode'), undefined, 'access-mode is an open scheme');
  });

  describe('adding a property shape to shapes/', function () {
    let h: Harness;
    let shapesDir: string;
    before(async () => {
      h = await acquireShared();
      shapesDir = await mkdtemp(join(tmpdir(), 'tre-atlas-shapes-'));
      await cp('shapes', shapesDir, { recursive: true });
      await writeFile(
        join(shapesDir, 'extra.ttl'),
        `@prefix tresh: <https://w3id.org/tre-atlas/shapes#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
tresh:Assessment sh:property tresh:Assessment-note .
tresh:Assessment-note a sh:PropertyShape ;
  sh:path rdfs:comment ;
  sh:name "reviewer note"@en ;
  sh:description "A note about the assessment."@en ;
  sh:datatype rdf:langString ;
  sh:maxCount 1 .
`,
      );
    });
    after(async () => {
      releaseShared();
      await rm(shapesDir, { recursive: true, force: true });
    });

    it('adds the field to the schema and answers it, with no code change', async () => {
      const before = await gql(
        h.yoga,
        '{ tre(id: "https://w3id.org/tre-atlas/id/tre/tsd") { assessment { reviewerNote } } }',
      );
      assert.equal(before.body.errors?.[0]?.extensions?.['code'], 'GRAPHQL_VALIDATION_FAILED');
      const extended = await printGraphqlSchema({ shapesDir });
      assert.match(extended, /"""A note about the assessment\."""\s+reviewerNote\(/);
      const yoga = await h.makeYoga({ shapesDir });
      const { body } = await gql(
        yoga,
        '{ tre(id: "https://w3id.org/tre-atlas/id/tre/tsd") { assessment { reviewerNote(lang: "en") } } }',
      );
      assert.deepEqual(body, {
        data: {
          tre: {
            assessment: [
              {
                reviewerNote:
                  'Illustrative SATRE assessment written for the example data; not a self-assessment published by the provider.',
              },
            ],
          },
        },
      });
    });
  });
});
