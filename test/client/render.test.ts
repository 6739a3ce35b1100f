import './vscode-fake';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PaperAtResult, ProblemCounts, TreeDay, TreeDayResult, TreePaper, TreeResult, TreeUndated, TreeUndatedResult } from '../../server/src/protocol';
import { dayIcon, paperIcon, undatedIcon, undatedItem, worstSeverity } from '../../client/src/views/render';
import { PapersTreeProvider, type Node, type PaperNode } from '../../client/src/views/papersTree';
import type { ThemeIcon } from './vscode-fake';

const counts = (errors: number, warnings: number, information: number): ProblemCounts => ({ errors, warnings, information });
const NONE = counts(0, 0, 0);

const day = (date: string, problems: ProblemCounts): TreeDay => ({ date, paperCount: 1, matchCount: 1, problems });

const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 10 } });
const paper = (title: string, line: number, problems: ProblemCounts, uri = 'file:///ws/a.md'): TreePaper => ({
  uri,
  title,
  arxivId: '2401.00001',
  votes: 3,
  authors: ['Ada Lovelace'],
  truncated: false,
  range: range(line),
  headingRange: range(line),
  problems,
});

const undated = (label: string, problems: ProblemCounts, headingLine?: number): TreeUndated => ({
  uri: 'file:///ws/notes%20and%20more.digest.md',
  headingLine,
  label,
  paperCount: 2,
  matchCount: 2,
  problems,
});

/** An icon as `[codicon, theme colour]`, the colour undefined when the icon has none. */
const look = (icon: unknown) => [(icon as ThemeIcon).id, (icon as ThemeIcon).color?.id];

/** Each severity's icon and colour, as the Problems panel shows them (ids that exist in VS Code). */
const ERROR = ['error', 'problemsErrorIcon.foreground'];
const WARNING = ['warning', 'problemsWarningIcon.foreground'];
const INFO = ['info', 'problemsInfoIcon.foreground'];

/**
 * A provider over a stand-in language client that answers the tree requests from `answers`;
 * returns the provider and the requests it sent.
 */
function provider(answers: Record<string, (params: any) => unknown>) {
  const sent: [string, unknown][] = [];
  const client = {
    sendRequest: async (method: string, params: unknown) => {
      sent.push([method, params]);
      const answer = answers[method];
      if (!answer) throw new Error(`unexpected request ${method}`);
      return answer(params);
    },
    onNotification: () => ({ dispose: () => undefined }),
  };
  const memento = { get: <T>(_key: string, fallback: T) => fallback, update: async () => undefined };
  const tree = new PapersTreeProvider(memento as never);
  tree.attach(client as unknown as LanguageClient);
  return { tree, sent };
}

describe('tree icons', () => {
  it('the worst severity decides', () => {
    assert.equal(worstSeverity(NONE), undefined);
    assert.equal(worstSeverity(undefined), undefined);
    assert.equal(worstSeverity(counts(0, 0, 4)), 'information');
    assert.equal(worstSeverity(counts(0, 2, 4)), 'warning');
    assert.equal(worstSeverity(counts(1, 2, 4)), 'error');
  });

  it('a day shows the icon of its worst problem, information included, else a calendar', () => {
    assert.deepEqual(look(dayIcon(day('2024-01-11', NONE))), ['calendar', undefined]);
    assert.deepEqual(look(dayIcon(day('2024-01-11', counts(0, 0, 1)))), INFO);
    assert.deepEqual(look(dayIcon(day('2024-01-11', counts(0, 3, 1)))), WARNING);
    assert.deepEqual(look(dayIcon(day('2024-01-11', counts(2, 3, 1)))), ERROR);
  });

  it('a paper the same way, else a page', () => {
    assert.deepEqual(look(paperIcon(paper('T', 2, NONE))), ['file-text', undefined]);
    assert.deepEqual(look(paperIcon(paper('T', 2, counts(0, 0, 1)))), INFO);
    assert.deepEqual(look(paperIcon(paper('T', 2, counts(0, 1, 1)))), WARNING);
    assert.deepEqual(look(paperIcon(paper('T', 2, counts(1, 0, 0)))), ERROR);
  });

  it('the view\'s rows carry those icons', async () => {
    const days: TreeDay[] = [day('2024-01-12', counts(0, 0, 2)), day('2024-01-11', counts(1, 0, 0))];
    const papers = [paper('Clean', 2, NONE), paper('Informed', 14, counts(0, 0, 1)), paper('Broken', 26, counts(1, 1, 0))];
    const { tree } = provider({
      'digest/tree': (): TreeResult => ({ days, totalDays: 2, indexing: false }),
      'digest/treeDay': (p: { date: string }): TreeDayResult => ({ date: p.date, papers, headings: [] }),
    });
    await tree.refresh();
    const roots = (await tree.getChildren()) as Node[];
    assert.deepEqual(roots.map((n) => look(tree.getTreeItem(n).iconPath)), [INFO, ERROR]);
    const rows = (await tree.getChildren(roots[0])) as Node[];
    assert.deepEqual(rows.map((n) => look(tree.getTreeItem(n).iconPath)), [['file-text', undefined], INFO, ERROR]);
  });
});

describe('tree rows for papers without a date', () => {
  it('an undated group shows its label, paper count and file, and the icon of its worst problem', () => {
    const orphans = undatedItem(undated('No date', counts(2, 0, 0)));
    assert.deepEqual(
      [orphans.label, orphans.description, orphans.contextValue, orphans.collapsibleState, look(orphans.iconPath)],
      ['No date', '2 papers · notes and more.digest.md', 'undated', 1, ERROR],
    );
    assert.equal(orphans.tooltip, 'notes and more.digest.md: papers before any day heading\n2 problems');
    const heading = undatedItem({ ...undated('Daily Papers (2023-02-30)', counts(0, 0, 1), 24), matchCount: 1 });
    assert.deepEqual([heading.label, heading.description], ['Daily Papers (2023-02-30)', '1 of 2 papers · notes and more.digest.md']);
    assert.equal(
      heading.tooltip,
      'notes and more.digest.md, line 25: a heading without a valid date (## Daily Papers (YYYY-MM-DD))\n1 problem',
    );
    assert.deepEqual(look(heading.iconPath), INFO);
    assert.deepEqual(look(undatedIcon(undated('No date', counts(0, 1, 3)))), WARNING);
    assert.deepEqual(look(undatedIcon(undated('No date', NONE))), ['question', undefined]);
  });

  it('the view lists undated groups after the days, loads their papers and follows the cursor into them', async () => {
    const file = 'file:///ws/loose.digest.md';
    const groups: TreeUndated[] = [
      { ...undated('No date', counts(2, 0, 0)), uri: file },
      { ...undated('Daily Papers 2024-01-14', counts(1, 0, 0), 30), uri: file },
    ];
    const papers: Record<string, TreePaper[]> = {
      top: [paper('Loose One', 0, counts(1, 0, 0), file), paper('Loose Two', 10, counts(1, 0, 0), file)],
      30: [paper('Shapeless', 32, NONE, file)],
    };
    const { tree, sent } = provider({
      'digest/tree': (): TreeResult => ({ days: [day('2024-01-11', NONE)], totalDays: 1, undated: groups, totalUndated: 2, indexing: false }),
      'digest/treeDay': (p: { date: string }): TreeDayResult => ({ date: p.date, papers: [paper('Dated', 2, NONE)], headings: [] }),
      'digest/treeUndated': (p: { headingLine?: number }): TreeUndatedResult => ({ papers: papers[p.headingLine ?? 'top'] }),
      'digest/paperAt': (p: { line: number }): PaperAtResult =>
        p.line >= 30 ? { undated: { uri: file, headingLine: 30 }, paper: papers[30][0] } : { undated: { uri: file }, paper: papers.top[1] },
    });
    await tree.refresh();
    assert.equal(tree.state, 'ready');
    const roots = (await tree.getChildren()) as Node[];
    const items = roots.map((n) => tree.getTreeItem(n));
    assert.deepEqual(
      items.map((i) => [i.label, i.id, look(i.iconPath)]),
      [
        ['2024-01-11', 'day:2024-01-11', ['calendar', undefined]],
        ['No date', `undated:${file}#top`, ERROR],
        ['Daily Papers 2024-01-14', `undated:${file}#30`, ERROR],
      ],
    );
    const loose = (await tree.getChildren(roots[1])) as PaperNode[];
    assert.deepEqual(loose.map((n) => [n.paper.title, tree.getTreeItem(n).command?.command, n.parent === roots[1]]), [
      ['Loose One', 'dailyPapers.openPaper', true],
      ['Loose Two', 'dailyPapers.openPaper', true],
    ]);
    assert.deepEqual(sent.at(-1), ['digest/treeUndated', { uri: file, headingLine: undefined }]);
    const found = await tree.findPaper(file, 40);
    assert.deepEqual([found?.paper.title, found?.parent], ['Shapeless', roots[2]]);
    assert.deepEqual(sent.at(-1), ['digest/treeUndated', { uri: file, headingLine: 30 }]);
    assert.equal((await tree.findPaper(file, 12))?.paper.title, 'Loose Two');
  });

  it('a workspace whose only papers have no date is not empty', async () => {
    const { tree } = provider({
      'digest/tree': (): TreeResult => ({ days: [], totalDays: 0, undated: [undated('No date', NONE)], totalUndated: 1, indexing: false }),
    });
    await tree.refresh();
    assert.equal(tree.state, 'ready');
    assert.equal(((await tree.getChildren()) as Node[]).length, 1);
  });
});
