import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { ruleDocUrl } from '../rules/docs';
import type { Finding, Fix, Severity } from '../rules/types';
import { fixesFor } from '../fixes';

export const SOURCE = 'digest';
/** The code of the one diagnostic a file over `digest.maxFileSizeMB` gets; not a rule. */
export const TOO_LARGE_CODE = 'file-too-large';

/**
 * What rides in `diagnostic.data`: the fixes the rules computed, and the document version they
 * were computed for, so a code action can tell stale data from current.
 */
export interface FixData {
  version: number;
  fixes: Fix[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, information: 3 };

export function toDiagnostic(uri: string, version: number, finding: Finding, all: readonly Finding[]): Diagnostic {
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
  const fixes = fixesFor(finding, all);
  if (fixes.length) d.data = { version, fixes } satisfies FixData;
  return d;
}

export function toDiagnostics(uri: string, version: number, findings: readonly Finding[]): Diagnostic[] {
  return findings.map((f) => toDiagnostic(uri, version, f, findings));
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

/** The fixes in a diagnostic's data when they were made for `version` and are well formed. */
export function readFixData(data: unknown, version: number): Fix[] | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Partial<FixData>;
  if (d.version !== version || !Array.isArray(d.fixes) || !d.fixes.every(isFix)) return undefined;
  return d.fixes;
}
