import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { parseRdf, rdfFormats } from '../src/rdf/index.js';
import { ShaclValidator } from '../src/validate/index.js';

const readme = new URL('../README.md', import.meta.url);

describe('README', () => {
  it('its "Describe your TRE" example conforms to the core shapes', async () => {
    const text = await readFile(readme, 'utf8');
    const section = text.slice(text.indexOf('## Describe your TRE'));
    const block = /```turtle\n([\s\S]*?)```/.exec(section)?.[1];
    assert.ok(block, 'the section has a turtle code block');
    const quads = await parseRdf(block, { format: rdfFormats.turtle, source: 'README.md' });
    const validator = await ShaclValidator.create({ profile: 'core' });
    const report = await validator.validate(quads);
    assert.deepEqual(
      report.results.map((r) => `${r.focusNode} ${r.path ?? ''} ${r.message}`),
      [],
    );
    assert.equal(report.conforms, true);
    assert.ok(quads.length > 20);
  });
});
