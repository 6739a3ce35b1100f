import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { ruleDocUrl } from '../rules/docs';
import { compareFindings } from '../lint';
import type { Finding, Severity } from '../rules/types';

export const SOURCE = 'digest';
/** The code of the one diagnostic a file over `digest.maxFileSizeMB` gets; not a rule. */
export const TOO_LARGE_CODE = 'file-too-large';

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, information: 3 };

/** One link object per rule, shared by its diagnostics. */
const DESCRIPTIONS = new Map<string, { href: string }>();
function describe(rule: string): { href: string } {
  let d = DESCRIPTIONS.get(rule);
  if (!d) DESCRIPTIONS.set(rule, (d = { href: ruleDocUrl(rule) }));
  return d;
}

/**
 * A finding as an LSP diagnostic. Nothing in it depends on the document version: a code action
 * finds the current finding at the diagnostic's range and takes its fixes from there (see
 * codeActions), so no edits ride along and a diagnostic can be sent again unchanged.
 */
export function toDiagnostic(uri: string, finding: Finding): Diagnostic {
  const d: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: describe(finding.rule),
    source: SOURCE,
    message: finding.message,
  };
  if (finding.related?.length) {
    d.relatedInformation = finding.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  }
  return d;
}

/** Diagnostics of findings made once, for one-off results (a file linted from disk). */
export function toDiagnostics(uri: string, findings: readonly Finding[]): Diagnostic[] {
  return findings.map((f) => toDiagnostic(uri, f));
}

/**
 * The diagnostics of each open document, made once per finding. A diagnostic shares its finding's
 * range objects; ranges are values (see `moved`), so a finding that an edit moved has new ones and
 * gets a new diagnostic, while one sent earlier keeps the positions of its version. So an edit
 * makes diagnostics only for the findings it created or moved, and the list sent is otherwise the
 * same objects.
 *
 * The findings of a document's next version are found in its last list by walking both in order:
 * both are sorted by position, and findings an edit kept keep their order (a move shifts a whole
 * region alike). A per-finding lookup table cost most of a keystroke on a year of digests (a
 * weak-map lookup for each of 6,500 findings, and a weak-map entry for each moved one).
 */
export class DiagnosticsMemo {
  private readonly byUri = new Map<string, { findings: readonly Finding[]; diagnostics: Diagnostic[] }>();

  of(uri: string, findings: readonly Finding[]): Diagnostic[] {
    const last = this.byUri.get(uri);
    const before = last ? last.findings : NO_FINDINGS;
    const sent = last ? last.diagnostics : NO_DIAGNOSTICS;
    const out: Diagnostic[] = new Array(findings.length);
    let j = 0;
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i];
      // Findings sorted before f are gone, or were not kept where they were: they are passed by.
      while (j < before.length && before[j] !== f && compareFindings(before[j], f) < 0) j++;
      let d: Diagnostic | undefined;
      if (j < before.length && before[j] === f) d = sent[j++];
      // A finding seen for the first time, or moved since (it has new ranges), gets a new one.
      out[i] = d !== undefined && d.range === f.range ? d : toDiagnostic(uri, f);
    }
    this.byUri.set(uri, { findings, diagnostics: out });
    return out;
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }
}

const NO_FINDINGS: readonly Finding[] = [];
const NO_DIAGNOSTICS: Diagnostic[] = [];

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
