/**
 * Glob matching for `digest.files`, against paths relative to a workspace folder with `/`
 * separators: `**` spans folders, `*` and `?` stay within one name, `{a,b}` and `[…]` as usual.
 * A pattern without `/` matches names at any depth, as VS Code's `files.exclude` does.
 */
export function globToRegExp(glob: string): RegExp {
  const pattern = glob.includes('/') ? glob.replace(/^\.\//, '') : `**/${glob}`;
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
      if (close === -1) {
        re += '\\[';
      } else {
        const body = pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = close;
      }
    } else {
      re += c.replace(/[.+^$()|\\\]}]/g, '\\$&');
    }
  }
  while (braces-- > 0) re += ')';
  return new RegExp(`^${re}$`);
}

/** Folders never searched: dependencies and version control. */
export const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** True when no folder of the relative path is skipped and the path matches. */
export function matchesFiles(matcher: RegExp, relative: string): boolean {
  const parts = relative.split('/');
  if (parts.slice(0, -1).some((p) => SKIPPED_DIRS.has(p))) return false;
  return matcher.test(relative);
}
