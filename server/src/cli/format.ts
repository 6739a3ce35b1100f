// Output formats of the CLI. Positions in findings are LSP (0-based, UTF-16); every format
// here shows them 1-based, with the end column exclusive as in ESLint and SARIF.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { autoFixable } from '../fixes';
import { ruleDocUrl } from '../rules/docs';
import { rules } from '../rules/index';
import type { Range } from '../model/types';
import type { Finding, Severity } from '../rules/types';

export type Format = 'text' | 'json' | 'sarif';
export const FORMATS: readonly Format[] = ['text', 'json', 'sarif'];

export interface FileResult {
  /** Path relative to cwd with forward slashes. */
  display: string;
  findings: Finding[];
}

export interface Totals {
  problems: number;
  errors: number;
  warnings: number;
  information: number;
  fixable: number;
  filesWithProblems: number;
  files: number;
}

export function totals(results: readonly FileResult[]): Totals {
  const t: Totals = { problems: 0, errors: 0, warnings: 0, information: 0, fixable: 0, filesWithProblems: 0, files: results.length };
  for (const r of results) {
    if (r.findings.length) t.filesWithProblems++;
    for (const f of r.findings) {
      t.problems++;
      if (f.severity === 'error') t.errors++;
      else if (f.severity === 'warning') t.warnings++;
      else t.information++;
      if (autoFixable(f)) t.fixable++;
    }
  }
  return t;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function summaryLine(t: Totals): string {
  const files = `${t.files === 1 ? 'file' : 'files'}`;
  if (t.problems === 0) return `✔ no problems in ${t.files} ${files}`;
  const counts = `${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${t.information} information`;
  const fixable = t.fixable ? `; ${t.fixable} fixable with --fix` : '';
  return `✖ ${plural(t.problems, 'problem')} (${counts}) in ${t.filesWithProblems} of ${t.files} ${files}${fixable}`;
}

/**
 * Text from files and their names shown on a terminal: control characters (an escape sequence
 * would retitle the window or clear the screen, a line break would forge a finding) are shown as
 * `\\u001b`-style escapes, each line of output staying one finding.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * `path:line:col  severity  rule-id  message`, one line per finding, then the summary
 * (preceded by `note`, e.g. what --fix did).
 */
export function formatText(results: readonly FileResult[], note?: string): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const { line, character } = f.range.start;
      lines.push(printable(`${r.display}:${line + 1}:${character + 1}  ${f.severity}  ${f.rule}  ${f.message}`));
    }
  }
  if (note) lines.push(note);
  lines.push(summaryLine(totals(results)));
  return lines.join('\n') + '\n';
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  fixable: boolean;
}

export function toJson(results: readonly FileResult[]): JsonFinding[] {
  const out: JsonFinding[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      out.push({
        file: r.display,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        severity: f.severity,
        code: f.rule,
        message: f.message,
        fixable: autoFixable(f),
      });
    }
  }
  return out;
}

export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(toJson(results), null, 2) + '\n';
}

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note' };

/**
 * A path as a SARIF artifact URI: relative to cwd (what code scanning maps onto the
 * repository) with each segment percent-encoded, or a file: URI for a file outside cwd.
 */
function uriOf(display: string): string {
  if (isAbsolute(display)) return pathToFileURL(display).href;
  return display.split('/').map((s) => (s === '.' ? s : encodeURIComponent(s))).join('/');
}

function location(display: string, range: Range): object {
  return {
    artifactLocation: { uri: uriOf(display) },
    region: {
      startLine: range.start.line + 1,
      startColumn: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
    },
  };
}

export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

/** SARIF 2.1.0 as GitHub code scanning reads it. */
export function toSarif(results: readonly FileResult[], tool: ToolInfo): object {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            informationUri: tool.informationUri,
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              helpUri: ruleDocUrl(r.id),
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { fixable: r.fixable, fixAll: r.fixAll },
            })),
          },
        },
        // Our columns are LSP characters, i.e. UTF-16 code units.
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.rule,
            ruleIndex: index.get(f.rule) ?? -1,
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [{ physicalLocation: location(r.display, f.range) }],
            ...(f.related?.length
              ? {
                  relatedLocations: f.related.map((rel, i) => ({
                    id: i,
                    physicalLocation: location(r.display, rel.range),
                    message: { text: rel.message },
                  })),
                }
              : {}),
          })),
        ),
      },
    ],
  };
}

export function formatSarif(results: readonly FileResult[], tool: ToolInfo): string {
  return JSON.stringify(toSarif(results, tool), null, 2) + '\n';
}
