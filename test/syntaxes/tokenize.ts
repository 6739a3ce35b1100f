// Tokenizes text with syntaxes/digest-markdown.tmLanguage.json the way VS Code does: vscode-textmate
// on the oniguruma wasm, with VS Code's own markdown and HTML grammars (as the tm-grammars package
// ships them, copied from microsoft/vscode's extensions) for the scopes ours includes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const GRAMMARS: Record<string, string> = {
  'text.html.markdown.digest': join(__dirname, '..', '..', 'syntaxes', 'digest-markdown.tmLanguage.json'),
  'text.html.markdown': require.resolve('tm-grammars/grammars/markdown.json'),
  'text.html.basic': require.resolve('tm-grammars/grammars/html.json'),
};

let loaded: Promise<IGrammar> | undefined;

/** Our grammar, loaded once per process. Fenced-code languages the markdown grammar names stay unloaded. */
export function grammar(): Promise<IGrammar> {
  loaded ??= (async () => {
    await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
    const registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scope) => {
        const path = GRAMMARS[scope];
        return path ? parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
      },
    });
    const g = await registry.loadGrammar('text.html.markdown.digest');
    assert.ok(g, 'grammar did not load');
    return g;
  })();
  return loaded;
}

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Outermost first, without the grammar's own scope name. */
  scopes: string[];
}

export interface Line {
  text: string;
  tokens: Token[];
}

/** Tokenizes every line of text, carrying the rule stack from line to line as an editor does. */
export async function tokenize(text: string): Promise<Line[]> {
  const g = await grammar();
  let stack = INITIAL;
  return text.split(/\r\n|\r|\n/).map((line) => {
    const r = g.tokenizeLine(line, stack);
    stack = r.ruleStack;
    const tokens = r.tokens.map((t) => ({
      start: t.startIndex,
      end: Math.min(t.endIndex, line.length),
      text: line.slice(t.startIndex, t.endIndex),
      scopes: t.scopes.slice(1),
    }));
    return { text: line, tokens: tokens.filter((t) => t.start < t.end) };
  });
}

/** `text⟨scope scope⟩` per token: what a failing assertion prints. */
export function show(line: Line): string {
  return line.tokens.map((t) => `${JSON.stringify(t.text)}⟨${t.scopes.join(' ')}⟩`).join(' ');
}

/** The scopes of the token that is exactly [start, end) of the line; fails when no token is. */
export function scopesAt(line: Line, start: number, end: number): string[] {
  const t = line.tokens.find((t) => t.start === start);
  assert.ok(t && t.end === end, `no token is exactly ${JSON.stringify(line.text.slice(start, end))} in ${show(line)}`);
  return t.scopes;
}

/** Whether any token of the line has a scope that is `scope` or starts with `scope.`. */
export function hasScope(line: Line, scope: string): boolean {
  return line.tokens.some((t) => t.scopes.some((s) => s === scope || s.startsWith(scope + '.')));
}

/** Whether every token of the line after its indentation lies inside `scope`. */
export function allIn(line: Line, scope: string): boolean {
  const text = line.tokens.filter((t) => t.start >= /^[ \t]*/.exec(line.text)![0].length);
  return text.length > 0 && text.every((t) => t.scopes.includes(scope));
}

/** The scopes of our grammar (`….digest`) any token of the line has. */
export function digestScopes(line: Line): string[] {
  return [...new Set(line.tokens.flatMap((t) => t.scopes.filter((s) => s.endsWith('.digest'))))];
}
