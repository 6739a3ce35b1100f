import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileSummaryResult, PaperAtResult, TreeFilesResult, TreeResult, TreeUndatedResult } from '../../server/src/protocol';
import { indexedWorkspace, tempWorkspace } from './harness';

/** A complete paper block (no problem of its own), then a blank line. */
const paper = (title: string, id: string, votes: number) => [
  `### [${title}](https://arxiv.org/abs/${id})`,
  '',
  '![](https://cdn-uploads.huggingface.co/x.png)',
  '',
  `Vote: ${votes}`,
  '',
  'Authors: Ada Lovelace',
  '',
  '- a bullet',
  '',
];

/**
 * On disk, found by detection (its first line has the day heading's shape): a day with an
 * impossible date, a valid day, and a heading of the wrong shape, each with papers.
 */
const BAD_DATES = [
  '## Daily Papers (2023-02-30)', // line 0
  '',
  ...paper('Leap Day That Never Was', '2302.00001', 4), // lines 2-11
  '## Daily Papers (2024-01-13)', // line 12
  '',
  ...paper('A Dated Paper', '2401.00002', 9),
  '## Daily Papers 2024-01-14', // line 24: no parentheses
  '',
  ...paper('First Under a Shapeless Heading', '2401.00003', 1),
  // More votes than the paper before: votes-out-of-order, an information.
  ...paper('Second Under a Shapeless Heading', '2401.00004', 2),
  '## Nothing Below', // a heading without papers: no group
  '',
].join('\n');

/** Opened as `digest-markdown`: papers before any day heading, then a dated day. */
const LOOSE = [
  ...paper('Loose One', '2401.00005', 7), // lines 0-9
  ...paper('Loose Two', '2401.00006', 3), // lines 10-19
  '## Daily Papers (2024-01-15)',
  '',
  ...paper('Dated Below the Loose Ones', '2401.00007', 5),
].join('\n');

const NONE = { errors: 0, warnings: 0, information: 0 };

describe('tree: papers without a date', () => {
  const ws = tempWorkspace();
  writeFileSync(join(ws.dir, 'bad-dates.md'), BAD_DATES);
  const { client: started } = indexedWorkspace(ws);
  const bad = ws.uri('bad-dates.md');
  const loose = ws.uri('loose.md');
  const tree = (filter?: string): Promise<TreeResult> => started().request('digest/tree', filter === undefined ? {} : { filter });
  const undated = (uri: string, headingLine?: number, filter?: string): Promise<TreeUndatedResult> =>
    started().request('digest/treeUndated', { uri, headingLine, filter });
  const titles = (r: TreeUndatedResult) => r.papers.map((p) => p.title);

  it('lists a group per heading without a valid date, after the days, labelled as written, with its problems', async () => {
    const t = await tree();
    assert.deepEqual(t.days.map((d) => d.date), ['2024-01-13', '2024-01-11', '2023-12-29', '2023-12-04']);
    assert.equal(t.totalDays, 4);
    assert.deepEqual(t.undated, [
      { uri: bad, headingLine: 0, label: 'Daily Papers (2023-02-30)', paperCount: 1, matchCount: 1, problems: { ...NONE, errors: 1 } },
      { uri: bad, headingLine: 24, label: 'Daily Papers 2024-01-14', paperCount: 2, matchCount: 2, problems: { errors: 1, warnings: 0, information: 1 } },
    ]);
    assert.equal(t.totalUndated, 2);
    assert.deepEqual(titles(await undated(bad, 0)), ['Leap Day That Never Was']);
    const shapeless = await undated(bad, 24);
    assert.deepEqual(titles(shapeless), ['First Under a Shapeless Heading', 'Second Under a Shapeless Heading']);
    assert.deepEqual(shapeless.papers[1].problems, { ...NONE, information: 1 });
    assert.deepEqual(shapeless.papers[0].headingRange, { start: { line: 26, character: 0 }, end: { line: 26, character: 71 } });
    assert.deepEqual(await undated(bad, 12), { papers: [] }, 'a dated day is no undated group');
    assert.deepEqual(await undated(ws.uri('nowhere.md')), { papers: [] });
  });

  it('groups the papers before any day heading of an open digest as "No date", its problems in the counts', async () => {
    const client = started();
    const since = client.mark();
    await client.open(loose, LOOSE);
    await client.waitFor('digest/indexChanged', (p) => p.uris.includes(loose), since);
    const t = await tree();
    assert.deepEqual(t.days.map((d) => d.date), ['2024-01-15', '2024-01-13', '2024-01-11', '2023-12-29', '2023-12-04']);
    assert.deepEqual(
      t.undated!.map((g) => [g.uri, g.headingLine, g.label, g.paperCount, g.problems]),
      [
        [bad, 0, 'Daily Papers (2023-02-30)', 1, { ...NONE, errors: 1 }],
        [bad, 24, 'Daily Papers 2024-01-14', 2, { errors: 1, warnings: 0, information: 1 }],
        // missing-day-heading on each paper, and votes-out-of-order on none (7 then 3).
        [loose, undefined, 'No date', 2, { ...NONE, errors: 2 }],
      ],
    );
    assert.deepEqual(titles(await undated(loose)), ['Loose One', 'Loose Two']);

    const at = (uri: string, line: number): Promise<PaperAtResult> => client.request('digest/paperAt', { uri, line });
    const orphan = await at(loose, 12);
    assert.deepEqual(orphan && 'undated' in orphan ? [orphan.undated, orphan.paper.title] : orphan, [{ uri: loose }, 'Loose Two']);
    const underBad = await at(bad, 40);
    assert.deepEqual(underBad && 'undated' in underBad ? [underBad.undated, underBad.paper.title] : underBad, [
      { uri: bad, headingLine: 24 },
      'Second Under a Shapeless Heading',
    ]);
    const dated = await at(loose, 22);
    assert.deepEqual(dated && 'date' in dated ? [dated.date, dated.paper.title] : dated, ['2024-01-15', 'Dated Below the Loose Ones']);

    const summary = (uri: string): Promise<FileSummaryResult> => client.request('digest/fileSummary', { uri });
    assert.deepEqual(await summary(loose), { papers: 3, problems: { ...NONE, errors: 2 } });
    // The papers' problems: the status bar counts the headings' with the rest of the diagnostics.
    assert.deepEqual(await summary(bad), { papers: 4, problems: { ...NONE, information: 1 } });
    const files: TreeFilesResult = await client.request('digest/treeFiles', {});
    assert.ok(files.uris.includes(loose) && files.uris.includes(bad), files.uris.join('\n'));

    const closed = client.mark();
    await client.close(loose);
    await client.waitFor('digest/indexChanged', (p) => p.uris.includes(loose), closed);
    assert.deepEqual((await tree()).undated!.map((g) => g.uri), [bad, bad], 'loose.md is not on disk');
  });

  it('filters undated groups and their papers like days', async () => {
    const t = await tree('shapeless');
    assert.deepEqual(t.days, []);
    assert.deepEqual(t.undated!.map((g) => [g.headingLine, g.matchCount, g.paperCount]), [[24, 2, 2]]);
    assert.equal(t.totalUndated, 2);
    assert.deepEqual(titles(await undated(bad, 24, 'second')), ['Second Under a Shapeless Heading']);
    assert.deepEqual((await tree('2302.00001')).undated!.map((g) => g.label), ['Daily Papers (2023-02-30)']);
  });

  it('says what is wrong with an undated group request', async () => {
    await assert.rejects(started().request('digest/treeUndated', { uri: bad, headingLine: -1 }), /'headingLine' must be a whole number ≥ 0/);
    await assert.rejects(started().request('digest/treeUndated', { headingLine: 0 }), /'uri' must be a string/);
  });
});
