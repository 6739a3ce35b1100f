import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LANGUAGE_EXTENSIONS, LANGUAGE_ID } from '../../server/src/protocol';
import { digestLanguage } from '../../server/src/workspace/language';

describe('which files open with the digest language', () => {
  it('the extension package.json contributes, in any case', () => {
    const is = digestLanguage({});
    assert.ok(is('/ws/days/2024-01-11.digest.md'));
    assert.ok(is('/ws/NOTES.Digest.MD'));
    assert.ok(!is('/ws/days/2024-01-11.md'));
    assert.ok(!is('/ws/digest.md'), 'the extension, not a name');
    assert.ok(!is('/ws/a.digest.md.bak'));
  });

  it('files.associations first: a name pattern, or a path pattern against the whole path', () => {
    const is = digestLanguage({ '*.papers': LANGUAGE_ID, '**/daily/*.md': LANGUAGE_ID, 'README.md': 'markdown' });
    assert.ok(is('/ws/x.papers'));
    assert.ok(is('/ws/X.PAPERS'), 'case is ignored');
    assert.ok(is('/ws/daily/2024-01-11.md'));
    assert.ok(is('/home/me/ws/sub/daily/2024-01-11.md'));
    assert.ok(!is('/ws/daily/sub/2024-01-11.md'));
    assert.ok(!is('/ws/README.md'));
  });

  it('an association to another language wins over the extension', () => {
    const is = digestLanguage({ '*.digest.md': 'markdown' });
    assert.ok(!is('/ws/a.digest.md'));
  });

  it('the longest matching pattern decides, the later of two as long', () => {
    assert.ok(digestLanguage({ '*.md': 'markdown', '**/daily/*.md': LANGUAGE_ID })('/ws/daily/a.md'));
    assert.ok(!digestLanguage({ '**/daily/*.md': LANGUAGE_ID, '**/daily/a.md': 'markdown' })('/ws/daily/a.md'));
    assert.ok(!digestLanguage({ 'a.md': LANGUAGE_ID, '?.md': 'markdown' })('/ws/a.md'));
    assert.ok(digestLanguage({ '?.md': 'markdown', 'a.md': LANGUAGE_ID })('/ws/a.md'));
  });

  it('knows the extensions package.json gives the language', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    const language = pkg.contributes.languages.find((l: { id: string }) => l.id === LANGUAGE_ID);
    assert.deepEqual(language.extensions.map((e: string) => e.toLowerCase()), LANGUAGE_EXTENSIONS);
    assert.equal(language.filenames, undefined, 'file names would need matching too');
    assert.equal(language.filenamePatterns, undefined, 'file name patterns would need matching too');
  });
});
