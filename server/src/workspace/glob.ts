/**
 * Glob matching for `digest.files`, against paths relative to a workspace folder with `/`
 * separators: `**` spans folders, `*` and `?` stay within one name, `{a,b}` and `[…]` as usual.
 * A pattern without `/` matches names at any depth, as VS Code's `files.exclude` does.
 */
export function globToRegExp(glob: string): RegExp {
  return compileGlob(glob).matcher;
}

/**
 * The glob as a RegExp, with what in it could not be read as written: a character class that is
 * not one (`[z-a]`, `[]`) is matched as the literal characters, never an exception, since the
 * glob comes from a setting anyone can type.
 */
export function compileGlob(glob: string): { matcher: RegExp; problems: string[] } {
  const pattern = glob.includes('/') ? glob.replace(/^\.\//, '') : `**/${glob}`;
  const problems: string[] = [];
  let re = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const slash = pattern[i + 2] === '/';
        re += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) {
      re += '|';
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      const cls = close === -1 ? undefined : characterClass(pattern.slice(i + 1, close));
      if (cls === undefined) {
        if (close !== -1) problems.push(`'${pattern.slice(i, close + 1)}' is not a character class; it is matched as written`);
        re += '\\[';
      } else {
        re += cls;
        i = close;
      }
    } else {
      re += c.replace(/[.+^$()|\\\]}]/g, '\\$&');
    }
  }
  while (braces-- > 0) re += ')';
  return { matcher: new RegExp(`^${re}$`), problems };
}

/** `[…]` of a glob as a RegExp class that never matches `/`; undefined when it is not a class. */
function characterClass(body: string): string | undefined {
  const negated = body.startsWith('!') || body.startsWith('^');
  const chars = (negated ? body.slice(1) : body).replace(/\\/g, '\\\\').replace(/\[/g, '\\[');
  if (chars === '') return undefined;
  const cls = negated ? `[^/${chars}]` : `(?!/)[${chars}]`;
  try {
    new RegExp(cls);
  } catch {
    return undefined; // a range out of order, such as `[z-a]`
  }
  return cls;
}

/** Folders never searched: dependencies and version control. */
export const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** True when no folder of the relative path is skipped and the path matches. */
export function matchesFiles(matcher: RegExp, relative: string): boolean {
  const parts = relative.split('/');
  if (parts.slice(0, -1).some((p) => SKIPPED_DIRS.has(p))) return false;
  return matcher.test(relative);
}
