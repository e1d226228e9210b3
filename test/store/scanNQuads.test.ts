import assert from 'node:assert/strict';
import oxigraph from 'oxigraph';
import { isAtlasError } from '../../src/errors.js';
import { scanNQuads } from '../../src/store/nquads.js';

const scan = (text: string, select: (g: string) => boolean = () => false) =>
  scanNQuads(Buffer.from(text, 'utf8'), select);

function refused(text: string): { code: string; line: unknown } {
  try {
    scan(text);
  } catch (error) {
    assert.ok(isAtlasError(error));
    return { code: error.code, line: error.context['line'] };
  }
  assert.fail('expected a refusal');
}

describe('scanNQuads', () => {
  it('finds the graphs of valid N-Quads in every term form, as the engine parses them', () => {
    const text = [
      '<http://a/s> <http://a/p> <http://a/o> <http://a/g1> .',
      '# comment <http://a/nope> .',
      '   ',
      '_:b1 <http://a/p> "lit with \\" and > and # inside" <http://a/g2> . # comment',
      '<http://a/s> <http://a/p> "x"@en-GB--ltr <http://a/g\\u00E9> .',
      '<http://a/s><http://a/p>"1"^^<http://www.w3.org/2001/XMLSchema#integer><http://a/g1>.',
      '<http://a/s> <http://a/p> _:b.c <http://a/g3> .\r',
      '<http://a/s> <http://a/p> <<( <http://a/x> <http://a/y> "z" )>> <http://a/g4> .',
    ].join('\n');
    const result = scan(text);
    const engine = oxigraph.parse(text, { format: 'application/n-quads' }) as Array<{
      graph: { value: string };
    }>;
    assert.deepEqual(result.graphs, [...new Set(engine.map((q) => q.graph.value))]);
    assert.equal(result.statements, engine.length);
  });

  it('reports the byte ranges of selected statements, merging neighbours', () => {
    const lines = [
      '<http://a/s> <http://a/p> "1" <http://a/g> .\n',
      '<http://a/s> <http://a/p> "2" <http://sys/a> .\n',
      '<http://a/s> <http://a/p> "3" <http://sys/b> .\n',
      '<http://a/s> <http://a/p> "4" <http://a/g> .\n',
    ];
    const text = lines.join('');
    const result = scan(text, (g) => g.startsWith('http://sys/'));
    const [[start, end]] = result.selected as [[number, number]];
    assert.equal(result.selected.length, 1);
    assert.equal(text.slice(start, end), lines[1]! + lines[2]!);
  });

  it('names the line of a malformed statement (SYNTAX) or of a statement it cannot store (USAGE)', () => {
    const ok = '<http://a/s> <http://a/p> "o" <http://a/g> .\n';
    assert.deepEqual(refused(ok + '<http://a/s> <http://a/p> "open <http://a/g> .\n'), {
      code: 'SYNTAX',
      line: 2,
    });
    assert.deepEqual(refused(ok + ok + '<http://a/s> <http://a/p> <http://a/o <http://a/g> .'), {
      code: 'SYNTAX',
      line: 3,
    });
    assert.deepEqual(refused(ok + '<http://a/s> <http://a/p> "o" <http://a/g> . <http://a/x>\n'), {
      code: 'SYNTAX',
      line: 2,
    });
    assert.deepEqual(refused(ok + '<http://a/s> <http://a/p> "o" "g" .\n'), { code: 'SYNTAX', line: 2 });
    assert.deepEqual(refused('<http://a/s> <http://a/p> "o" .\n'), { code: 'USAGE', line: 1 });
    assert.deepEqual(refused(ok + '<http://a/s> <http://a/p> "o" _:g .\n'), { code: 'USAGE', line: 2 });
    assert.deepEqual(refused('<http://a/s> <http://a/p> "o" <relative> .\n'), { code: 'USAGE', line: 1 });
  });
});
