import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { ruleDocUrl } from '../rules/docs';
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
 */
export class DiagnosticsMemo {
  private readonly byUri = new Map<string, WeakMap<Finding, Diagnostic>>();

  of(uri: string, findings: readonly Finding[]): Diagnostic[] {
    let made = this.byUri.get(uri);
    if (!made) this.byUri.set(uri, (made = new WeakMap()));
    const out: Diagnostic[] = new Array(findings.length);
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i];
      let d = made.get(f);
      if (d === undefined || d.range !== f.range) {
        d = toDiagnostic(uri, f);
        made.set(f, d);
      }
      out[i] = d;
    }
    return out;
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }
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
