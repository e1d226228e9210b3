import assert from 'node:assert/strict';
import { AtlasError } from '../../src/errors.js';
import { checkQuery } from '../../src/sparql/index.js';

function refused(query: string): AtlasError {
  try {
    checkQuery(query);
  } catch (error) {
    assert.ok(error instanceof AtlasError, 'expected an AtlasError');
    return error;
  }
  assert.fail(`expected ${query} to be refused`);
}

describe('checkQuery', () => {
  it('accepts the four query forms and names their result kind', () => {
    assert.deepEqual(checkQuery('SELECT * WHERE { ?s ?p ?o }'), { form: 'SELECT', kind: 'bindings' });
    assert.deepEqual(checkQuery('ASK { ?s ?p ?o }'), { form: 'ASK', kind: 'boolean' });
    assert.deepEqual(checkQuery('CONSTRUCT WHERE { ?s ?p ?o }'), { form: 'CONSTRUCT', kind: 'quads' });
    assert.deepEqual(checkQuery('DESCRIBE <https://example.org/x>'), { form: 'DESCRIBE', kind: 'quads' });
  });

  it('reports a syntax error with its line and column', () => {
    const error = refused('SELECT * WHERE {\n  ?s ?p ?o . FILTER(}');
    assert.equal(error.code, 'SYNTAX');
    assert.equal(error.context['line'], 2);
    assert.equal(typeof error.context['column'], 'number');
    assert.match(error.message, /^query:2:\d+: SPARQL syntax error/);
  });

  it('reports an unknown prefix as a syntax error', () => {
    const error = refused('SELECT * WHERE { ?s ex:p ?o }');
    assert.equal(error.code, 'SYNTAX');
    assert.match(error.message, /Unknown prefix: ex/);
  });

  it('refuses updates, LOAD included', () => {
    const insert = refused('INSERT DATA { <https://e.org/a> <https://e.org/b> <https://e.org/c> }');
    assert.equal(insert.code, 'USAGE');
    assert.match(insert.message, /updates are not accepted.*INSERT/);
    const load = refused('LOAD <https://example.org/data.ttl>');
    assert.equal(load.code, 'USAGE');
    assert.match(load.message, /LOAD/);
    assert.equal(refused('CLEAR ALL').code, 'USAGE');
  });

  it('refuses SERVICE anywhere in the query', () => {
    const nested =
      'SELECT * WHERE { ?s ?p ?o OPTIONAL { { SELECT ?x WHERE { SERVICE <https://e.org/sparql> { ?x ?y ?z } } } } }';
    const error = refused(nested);
    assert.equal(error.code, 'USAGE');
    assert.match(error.message, /SERVICE is not allowed/);
  });

  it('answers a repeated query from memory, and refuses a refused one every time', () => {
    const text = 'SELECT ?s WHERE { ?s ?p ?o } LIMIT 3';
    assert.deepEqual(checkQuery(text), { form: 'SELECT', kind: 'bindings' });
    assert.deepEqual(checkQuery(text), { form: 'SELECT', kind: 'bindings' });
    const service = 'SELECT * WHERE { SERVICE <https://e.org/sparql> { ?s ?p ?o } }';
    assert.equal(refused(service).code, 'USAGE');
    assert.equal(refused(service).code, 'USAGE');
    assert.equal(refused('SELECT * WHERE {').code, 'SYNTAX');
    assert.equal(refused('SELECT * WHERE {').code, 'SYNTAX');
  });
});
