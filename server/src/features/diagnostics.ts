import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { ruleDocUrl } from '../rules/docs';
import type { Finding, Fix, Severity } from '../rules/types';

export const SOURCE = 'digest';
/** The code of the one diagnostic a file over `digest.maxFileSizeMB` gets; not a rule. */
export const TOO_LARGE_CODE = 'file-too-large';

/**
 * What rides in `diagnostic.data`: the finding's own fixes as the rule computed them, its group,
 * and the document version they were computed for, so a code action can tell stale data from
 * current. Fixes spanning several findings (a line, the file) are composed at code-action time
 * from the cached findings, so the data stays linear in the number of findings.
 */
export interface FixData {
  version: number;
  fixes: Fix[];
  group?: string;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, information: 3 };

export function toDiagnostic(uri: string, version: number, finding: Finding): Diagnostic {
  const d: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleDocUrl(finding.rule) },
    source: SOURCE,
    message: finding.message,
  };
  if (finding.related?.length) {
    d.relatedInformation = finding.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  }
  if (finding.fixes?.length) d.data = { version, fixes: finding.fixes, group: finding.group } satisfies FixData;
  return d;
}

export function toDiagnostics(uri: string, version: number, findings: readonly Finding[]): Diagnostic[] {
  return findings.map((f) => toDiagnostic(uri, version, f));
}

/** The single diagnostic of a file too large to validate; it names the setting that decides. */
export function tooLargeDiagnostic(bytes: number, limitMB: number): Diagnostic {
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 3,
    code: TOO_LARGE_CODE,
    source: SOURCE,
    message: `File not validated: it is ${mb} MB, over the ${limitMB} MB limit set by digest.maxFileSizeMB.`,
  };
}

function isFix(v: unknown): v is Fix {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Partial<Fix>;
  return typeof f.title === 'string' && Array.isArray(f.edits) && f.edits.every(isEdit);
}

function isEdit(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as { range?: { start?: { line?: unknown }; end?: { line?: unknown } }; newText?: unknown };
  return typeof e.newText === 'string' && typeof e.range?.start?.line === 'number' && typeof e.range?.end?.line === 'number';
}

/** A diagnostic's data when it was made for `version` and is well formed. */
export function readFixData(data: unknown, version: number): FixData | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Partial<FixData>;
  if (d.version !== version || !Array.isArray(d.fixes) || !d.fixes.every(isFix)) return undefined;
  if (d.group !== undefined && typeof d.group !== 'string') return undefined;
  return { version, fixes: d.fixes, group: d.group };
}
