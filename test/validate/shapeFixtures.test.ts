import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRdf, rdfFormats } from '../../src/rdf/index.js';
import { ShaclValidator, type ValidationProfile } from '../../src/validate/index.js';

/** `test/fixtures/shapes/<case>/`: `data.ttl` + `expected.json`. */
interface Expected {
  profile: ValidationProfile;
  conforms: boolean;
  /** Optional date the shapes see as today (YYYY-MM-DD); defaults to the real date. */
  today?: string;
  results: Array<{ focusNode: string; path?: string | null; severity: string }>;
}

const root = fileURLToPath(new URL('../fixtures/shapes/', import.meta.url));
const cases = existsSync(root)
  ? readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
  : [];

const validators = new Map<string, Promise<ShaclValidator>>();
function validatorFor(profile: ValidationProfile, today: string | undefined): Promise<ShaclValidator> {
  const key = `${profile} ${today ?? ''}`;
  let validator = validators.get(key);
  if (!validator) {
    const clock = today === undefined ? undefined : () => new Date(`${today}T12:00:00Z`);
    validator = ShaclValidator.create({ profile, ...(clock ? { clock } : {}) });
    validators.set(key, validator);
  }
  return validator;
}

const key = (r: { focusNode: string; path?: string | null; severity: string }): string =>
  JSON.stringify([r.focusNode, r.path ?? null, r.severity]);

describe('shape fixtures (test/fixtures/shapes)', () => {
  if (cases.length === 0) {
    it('has fixture cases', () => assert.fail(`no fixture folders in ${root}`));
  }
  for (const name of cases) {
    it(name, async () => {
      const dir = join(root, name);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
      const file = join(dir, 'data.ttl');
      const quads = await parseRdf(readFileSync(file, 'utf8'), { format: rdfFormats.turtle, source: file });
      const validator = await validatorFor(expected.profile, expected.today);
      const report = await validator.validate(quads);
      const actual = [...new Set(report.results.map(key))].sort();
      const wanted = [...new Set(expected.results.map(key))].sort();
      const detail = report.results.map(
        (r) => `  ${r.severity} ${r.focusNode} ${r.path ?? '-'}: ${r.message}`,
      );
      assert.deepEqual(actual, wanted, `results differ; actual:\n${detail.join('\n')}`);
      assert.equal(report.conforms, expected.conforms, 'conforms');
    });
  }
});
