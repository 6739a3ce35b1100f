// Regenerates what is derived from the rule registry: README.md's rule reference (between
// `<!-- rules:start -->` and `<!-- rules:end -->`) and package.json's `digest.rules.<id>`
// settings. Run with `npm run gen`; test/server/metadata.test.ts fails when either is stale.
//
// The examples live here rather than on the Rule objects: they are documentation, and the
// generator proves each one by linting it (the rule must fire, and only that rule), so the
// README shows real messages and real fixes, never hand-written ones.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatText } from '../server/src/cli/format';
import { applyEdits, fixesFor, mergeFixes } from '../server/src/fixes';
import { lint } from '../server/src/lint';
import { parse } from '../server/src/model/parse';
import { ruleDocUrl } from '../server/src/rules/docs';
import { rules } from '../server/src/rules/index';
import type { Rule } from '../server/src/rules/types';

const DAY = '## Daily Papers (2024-01-11)';
const PAPER = '### [PIXART-δ](https://arxiv.org/abs/2401.05252)';
const IMAGE = '![](https://cdn-uploads.huggingface.co/production/uploads/x/l4v9s2xQ.png)';
const VOTE = 'Vote: 24';
const AUTHORS = 'Authors: Junsong Chen, Yue Wu, +';
const BULLET = '- 이 기술 보고서는 PIXART-δ를 소개합니다.';
const OTHER = '### [Mixtral of Experts](https://arxiv.org/abs/2401.04088)';

/** Blocks joined by blank lines, as digests are written. */
const digest = (...blocks: string[]) => blocks.join('\n\n') + '\n';

/** A small digest that breaks exactly one rule, keyed by rule id. */
export const EXAMPLES: Readonly<Record<string, string>> = {
  'missing-day-heading': digest(PAPER, IMAGE, VOTE, AUTHORS, BULLET),
  'invalid-day-heading': digest('## Daily Papers (2024-02-30)', PAPER, IMAGE, VOTE, AUTHORS, BULLET),
  'duplicate-day': digest(DAY, PAPER, IMAGE, VOTE, AUTHORS, BULLET, DAY, OTHER, IMAGE, VOTE, AUTHORS, BULLET),
  'invalid-paper-heading': digest(DAY, '### [PIXART-δ](https://arxiv.org/abs/2401.5252)', IMAGE, VOTE, AUTHORS, BULLET),
  'duplicate-paper': digest(DAY, PAPER, IMAGE, VOTE, AUTHORS, BULLET, PAPER, IMAGE, VOTE, AUTHORS, BULLET),
  'missing-media': digest(DAY, PAPER, VOTE, AUTHORS, BULLET),
  'media-mismatch': digest(
    DAY,
    PAPER,
    '[Watch Video](https://cdn-uploads.huggingface.co/production/uploads/x/KHwPYpnc.mp4)\n' +
      '<div><video controls src="https://cdn-uploads.huggingface.co/production/uploads/x/OTHER.mp4" muted="false"></video></div>',
    VOTE,
    AUTHORS,
    BULLET,
  ),
  'missing-vote': digest(DAY, PAPER, IMAGE, AUTHORS, BULLET),
  'invalid-vote': digest(DAY, PAPER, IMAGE, 'Vote: many', AUTHORS, BULLET),
  'missing-authors': digest(DAY, PAPER, IMAGE, VOTE, BULLET),
  'duplicate-author': digest(DAY, PAPER, IMAGE, VOTE, 'Authors: Junsong Chen, Yue Wu, Junsong Chen, +', BULLET),
  'malformed-link': digest(
    DAY,
    PAPER,
    '[Watch Video]https://cdn-uploads.huggingface.co/production/uploads/x/KHwPYpnc.mp4\n' +
      '<div><video controls src="https://cdn-uploads.huggingface.co/production/uploads/x/KHwPYpnc.mp4" muted="false"></video></div>',
    VOTE,
    AUTHORS,
    BULLET,
  ),
  'url-runs-into-text': digest(DAY, PAPER, IMAGE, VOTE, AUTHORS, '- 코드는 https://github.com/PixArt-alpha/PixArt-alpha에서 볼 수 있습니다.'),
  'missing-summary': digest(DAY, PAPER, IMAGE, VOTE, AUTHORS),
  'votes-out-of-order': digest(DAY, OTHER, IMAGE, 'Vote: 10', AUTHORS, BULLET, PAPER, IMAGE, VOTE, AUTHORS, BULLET),
  'paper-after-day': digest('## Daily Papers (2023-12-29)', PAPER, IMAGE, VOTE, AUTHORS, BULLET),
  'unexpected-line': digest(DAY, PAPER, IMAGE, VOTE, 'TODO: check the author list', AUTHORS, BULLET),
};

const LEVELS = ['off', 'error', 'warning', 'information'] as const;

/** Lines that differ between before and after, as a unified-diff body (common head and tail cut). */
function lineDiff(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const removed = a.slice(head, a.length - tail).map((l) => `-${l}`);
  const added = b.slice(head, b.length - tail).map((l) => `+${l}`);
  return [...removed, ...added].join('\n');
}

/** Lints a rule's example and checks it shows that rule and nothing else. */
function proveExample(rule: Rule) {
  const text = EXAMPLES[rule.id];
  if (text === undefined) throw new Error(`gen-readme: rule '${rule.id}' has no example in EXAMPLES (scripts/gen-readme.ts)`);
  const model = parse(text);
  const findings = lint(model);
  const others = findings.filter((f) => f.rule !== rule.id);
  const own = findings.filter((f) => f.rule === rule.id);
  if (own.length === 0) throw new Error(`gen-readme: the example of '${rule.id}' does not trigger it`);
  if (others.length) throw new Error(`gen-readme: the example of '${rule.id}' also triggers ${others.map((f) => f.rule).join(', ')}`);
  if (rule.fixable !== own.some((f) => f.fixes?.length)) {
    throw new Error(`gen-readme: '${rule.id}' is ${rule.fixable ? '' : 'not '}fixable but its example ${rule.fixable ? 'offers no fix' : 'offers one'}`);
  }
  let fixed: string | undefined;
  if (rule.fixable) {
    // The example after its preferred fixes (what fix-all applies when the rule is in it).
    fixed = applyEdits(model, mergeFixes(own.map((f) => f.fixes![0])));
    if (lint(parse(fixed)).some((f) => f.rule === rule.id)) throw new Error(`gen-readme: fixing the example of '${rule.id}' does not clear it`);
  }
  return { text, own, all: findings, fixed };
}

function ruleSection(rule: Rule): string {
  const { text, own, all, fixed } = proveExample(rule);
  const out = [`### ${rule.id}`, '', rule.description, ''];
  out.push(`Default severity: **${rule.severity}**. Setting: \`digest.rules.${rule.id}\`; command line: \`--rule ${rule.id}=off\`.`, '');
  if (fixed !== undefined) {
    const titles = [...new Set(fixesFor(own[0], all).map((f) => f.title))];
    const applied = rule.fixAll
      ? "`digest-lint --fix` and the editor's *Fix all* apply the first."
      : "They are alternatives, so the writer picks one: `digest-lint --fix` and *Fix all* leave these alone.";
    out.push(`Quick fixes: ${titles.map((t) => `“${t}”`).join(', ')}. ${applied}`, '');
  }
  out.push('Example (`example.md`):', '', '```markdown', text.trimEnd(), '```', '');
  // The real CLI output, in a code block so that nothing in a message renders as Markdown.
  const report = formatText([{ display: 'example.md', findings: own }]).trimEnd().split('\n').slice(0, -1);
  out.push('```console', '$ digest-lint example.md', ...report, '```', '');
  if (fixed !== undefined) out.push(rule.fixAll ? 'After the fix:' : 'After the first quick fix:', '', '```diff', lineDiff(text, fixed), '```', '');
  return out.join('\n');
}

/** The generated README part, markers excluded. */
export function renderRules(): string {
  const table = ['| Rule | Default | Fixable |', '|---|---|---|'];
  for (const r of rules) table.push(`| [\`${r.id}\`](#${r.id}) | ${r.severity} | ${r.fixable ? 'yes' : '—'} |`);
  return [table.join('\n'), '', ...rules.map(ruleSection)].join('\n');
}

const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

export function updateReadme(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1 || end < start) throw new Error(`gen-readme: README.md needs ${START} … ${END}`);
  return `${readme.slice(0, start + START.length)}\n\n${renderRules()}\n${readme.slice(end)}`;
}

export function ruleSetting(rule: Rule) {
  return {
    type: 'string',
    enum: [...LEVELS],
    default: rule.severity,
    scope: 'resource',
    markdownDescription: `Severity of [\`${rule.id}\`](${ruleDocUrl(rule.id)}): ${rule.description}`,
  };
}

/** package.json text with one `digest.rules.<id>` setting per rule after the other settings. */
export function updatePackageJson(text: string): string {
  const pkg = JSON.parse(text);
  const config = pkg.contributes?.configuration;
  if (!config?.properties) throw new Error('gen-readme: package.json has no contributes.configuration.properties');
  const kept = Object.entries(config.properties).filter(([key]) => !key.startsWith('digest.rules.'));
  config.properties = Object.fromEntries([...kept, ...rules.map((r) => [`digest.rules.${r.id}`, ruleSetting(r)])]);
  return JSON.stringify(pkg, null, 2) + '\n';
}

function main(): void {
  const root = join(__dirname, '..');
  for (const [file, update] of [
    ['README.md', updateReadme],
    ['package.json', updatePackageJson],
  ] as const) {
    const path = join(root, file);
    const before = readFileSync(path, 'utf8');
    const after = update(before);
    if (after !== before) writeFileSync(path, after);
    console.log(`${file}: ${after === before ? 'up to date' : 'regenerated'}`);
  }
}

if (require.main === module) main();
