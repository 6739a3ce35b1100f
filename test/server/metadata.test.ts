// Metadata keeps itself honest: the registry, the rule files, the README and package.json
// must agree, and the generated parts must be exactly what scripts/gen-readme.ts produces.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { EXAMPLES, ruleSetting, updatePackageJson, updateReadme } from '../../scripts/gen-readme';
import { rules } from '../../server/src/rules/index';
import type { Rule } from '../../server/src/rules/types';

const ROOT = join(__dirname, '..', '..');
const RULES_DIR = join(ROOT, 'server', 'src', 'rules');
const NOT_RULES = new Set(['index.ts', 'types.ts', 'util.ts', 'docs.ts']);
const readme = () => readFileSync(join(ROOT, 'README.md'), 'utf8');
const packageText = () => readFileSync(join(ROOT, 'package.json'), 'utf8');

describe('rule metadata', () => {
  test('ids are unique and kebab-case', () => {
    const ids = rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, `duplicate ids in ${ids.join(', ')}`);
    for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
  });

  test('every rule has a description, a severity and a fixability', () => {
    for (const r of rules) {
      assert.ok(r.description.trim().length > 10, `${r.id}: description`);
      assert.ok(['error', 'warning', 'information'].includes(r.severity), `${r.id}: severity`);
      assert.equal(typeof r.fixable, 'boolean', `${r.id}: fixable`);
      assert.equal(typeof r.fixAll, 'boolean', `${r.id}: fixAll`);
      assert.ok(r.fixable || !r.fixAll, `${r.id}: fix-all needs a fix`);
    }
  });

  test('the rule files on disk are exactly the registered rules, one per file named by its id', async () => {
    const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f)).sort();
    assert.deepEqual(files, rules.map((r) => `${r.id}.ts`).sort());
    for (const file of files) {
      const mod: Record<string, unknown> = await import(join(RULES_DIR, file));
      const exported = Object.values(mod).filter((v): v is Rule => typeof v === 'object' && v !== null && 'id' in v);
      assert.equal(exported.length, 1, `${file} exports one rule`);
      assert.equal(exported[0].id, file.slice(0, -3));
      assert.ok(rules.includes(exported[0]), `${file}: its rule object is the registered one`);
    }
  });

  test('every rule has an example in the generator and no example is left over', () => {
    assert.deepEqual(Object.keys(EXAMPLES).sort(), rules.map((r) => r.id).sort());
  });

  test('every rule has a README section', () => {
    const headings = readme().split('\n').filter((l) => l.startsWith('### '));
    for (const r of rules) assert.ok(headings.includes(`### ${r.id}`), `README.md has no '### ${r.id}'`);
  });

  test('every rule has a package.json severity setting with its default', () => {
    const props = JSON.parse(packageText()).contributes.configuration.properties;
    for (const r of rules) {
      const setting = props[`digest.rules.${r.id}`];
      assert.ok(setting, `package.json has no digest.rules.${r.id}`);
      assert.equal(setting.default, r.severity, `digest.rules.${r.id} default`);
      assert.deepEqual(setting.enum, ['off', 'error', 'warning', 'information']);
      assert.equal(setting.scope, 'resource');
      assert.deepEqual(setting, ruleSetting(r));
    }
    const ruleKeys = Object.keys(props).filter((k) => k.startsWith('digest.rules.'));
    assert.deepEqual(ruleKeys, rules.map((r) => `digest.rules.${r.id}`), 'no setting for a rule that does not exist');
  });

  test("README.md's rule reference is what the generator writes (run `npm run gen`)", () => {
    assert.equal(updateReadme(readme()), readme());
  });

  test('package.json is what the generator writes (run `npm run gen`)', () => {
    assert.equal(updatePackageJson(packageText()), packageText());
  });
});
