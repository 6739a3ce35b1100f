import './vscode-fake';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ProblemCounts, TreeDay, TreeDayResult, TreePaper, TreeResult } from '../../server/src/protocol';
import { dayIcon, paperIcon, worstSeverity } from '../../client/src/views/render';
import { PapersTreeProvider, type Node } from '../../client/src/views/papersTree';
import type { ThemeIcon } from './vscode-fake';

const counts = (errors: number, warnings: number, information: number): ProblemCounts => ({ errors, warnings, information });
const NONE = counts(0, 0, 0);

const day = (date: string, problems: ProblemCounts): TreeDay => ({ date, paperCount: 1, matchCount: 1, problems });

const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 10 } });
const paper = (title: string, line: number, problems: ProblemCounts): TreePaper => ({
  uri: 'file:///ws/a.md',
  title,
  arxivId: '2401.00001',
  votes: 3,
  authors: ['Ada Lovelace'],
  truncated: false,
  range: range(line),
  headingRange: range(line),
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
