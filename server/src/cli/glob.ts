// A small glob matcher for the CLI: Node 20 has no fs.globSync, and the four forms the CLI
// promises (`*`, `**`, `?`, `{a,b}`) do not justify a dependency.

/** True when the argument uses glob syntax (and so is expanded rather than read as a path). */
export function hasGlobSyntax(arg: string): boolean {
  return /[*?{]/.test(arg);
}

/** Expands `{a,b}` alternatives (nested too) into plain patterns. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open === -1) return [pattern];
  // Find the matching close brace and the top-level commas between.
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  // An unbalanced or comma-less brace is a literal character, as in bash.
  if (close === -1) return [pattern];
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  if (commas.length === 0) {
    return expandBraces(tail).map((t) => head + pattern.slice(open, close + 1) + t);
  }
  const bounds = [open, ...commas, close];
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const alt = pattern.slice(bounds[k] + 1, bounds[k + 1]);
    for (const p of expandBraces(head + alt + tail)) out.push(p);
  }
  return out;
}

function segmentRegex(segment: string): RegExp {
  let src = '';
  for (const c of segment) {
    if (c === '*') src += '[^/]*';
    else if (c === '?') src += '[^/]';
    else src += c.replace(/[.+^$()|[\]\\{}]/g, '\\$&');
  }
  // Like the shell, wildcards do not match a leading dot unless the pattern spells it.
  const hidden = segment.startsWith('.') ? '' : '(?!\\.)';
  return new RegExp(`^${hidden}${src}$`, 'u');
}

/** A compiled brace-free pattern, matched segment by segment against a relative path. */
export interface Matcher {
  (segments: readonly string[]): boolean;
}

export function compile(pattern: string): Matcher {
  const parts = pattern.split('/').filter((s) => s !== '' && s !== '.');
  const tests = parts.map((p) => (p === '**' ? null : segmentRegex(p)));
  const match = (pi: number, segs: readonly string[], si: number): boolean => {
    if (pi === tests.length) return si === segs.length;
    const t = tests[pi];
    if (t === null) {
      // `**` takes zero or more segments, never hidden ones.
      for (let k = si; k <= segs.length; k++) {
        if (match(pi + 1, segs, k)) return true;
        if (k < segs.length && segs[k].startsWith('.')) return false;
      }
      return false;
    }
    return si < segs.length && t.test(segs[si]) && match(pi + 1, segs, si + 1);
  };
  return (segments) => match(0, segments, 0);
}

/**
 * Splits a brace-free pattern into the literal folder to start walking from and the rest,
 * e.g. `notes/2024/**\/*.md` → base `notes/2024`, rest `**\/*.md`.
 */
export function splitBase(pattern: string): { base: string; rest: string } {
  const normalized = pattern.replace(/\\/g, '/');
  const parts = normalized.split('/');
  let i = 0;
  while (i < parts.length - 1 && !hasGlobSyntax(parts[i])) i++;
  const baseParts = parts.slice(0, i);
  let base = baseParts.join('/');
  if (base === '' && normalized.startsWith('/')) base = '/';
  return { base: base === '' ? '.' : base, rest: parts.slice(i).join('/') };
}
