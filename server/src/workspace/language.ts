import { basename, sep } from 'node:path';
import { LANGUAGE_EXTENSIONS, LANGUAGE_ID } from '../protocol';
import { compileGlob } from './glob';

/**
 * Which files an editor opens with the digest language, for the files that are not open: the
 * server checks a document with that language id whatever it holds, so the workspace index must
 * take such a file from disk whatever it holds too, or it would be in the tree only while open.
 *
 * The answer is VS Code's (languagesAssociations.ts): the user's `files.associations` first, the
 * longest matching pattern winning and, between equals, the later one (a pattern with a `/`
 * matches the whole path, any other the file name, case ignored); else the extensions languages
 * contribute, the longest winning: `.digest.md` is ours, over Markdown's `.md`.
 */

/** `files.associations` as the server keeps it: glob pattern → language id. */
export type Associations = Readonly<Record<string, string>>;

/** True when the file at the (absolute) path opens with the digest language. */
export type IsDigestLanguage = (path: string) => boolean;

interface Association {
  pattern: string;
  language: string;
  matcher: RegExp;
  onPath: boolean;
}

function compile(associations: Associations): Association[] {
  return Object.entries(associations).map(([pattern, language]) => {
    const onPath = pattern.includes('/');
    // Without a `/`, compileGlob matches the name at any depth: the same as matching the name.
    const { matcher } = compileGlob(pattern);
    return { pattern, language, matcher: new RegExp(matcher.source, 'i'), onPath };
  });
}

/** The language of the user's association that decides for the path, if one matches. */
function associated(associations: readonly Association[], path: string, name: string): string | undefined {
  let best: Association | undefined;
  for (let i = associations.length - 1; i >= 0; i--) {
    const a = associations[i];
    if (best && a.pattern.length <= best.pattern.length) continue;
    if (a.matcher.test(a.onPath ? path : name)) best = a;
  }
  return best?.language;
}

export function digestLanguage(associations: Associations): IsDigestLanguage {
  const compiled = compile(associations);
  return (path) => {
    const slashed = sep === '/' ? path : path.split(sep).join('/');
    const name = basename(slashed);
    const language = associated(compiled, slashed, name);
    if (language !== undefined) return language === LANGUAGE_ID;
    const lower = name.toLowerCase();
    return LANGUAGE_EXTENSIONS.some((ext) => lower.endsWith(ext));
  };
}
