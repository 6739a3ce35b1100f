// Shared by the CLI tests: they run the real bundle, `node dist/cli.js`, in temporary folders.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const FIXTURE_NAMES = ['daily-papers-2023-12-04.md', 'daily-papers-2023-12-29.md', 'daily-papers-2024-01-11.md'];

/** The sources the CLI bundle is built from (the LSP server and client are not in it). */
const CLI_SOURCES = ['server/src/cli.ts', 'server/src/cli', 'server/src/model', 'server/src/rules', 'server/src/lint.ts', 'server/src/fixes.ts', 'server/src/workspace/language.ts', 'server/src/workspace/glob.ts', 'server/src/protocol.ts'];

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/**
 * Fails the suite with a plain instruction when the bundle is missing or older than its
 * sources: testing a stale bundle would report on code that is no longer there.
 * (`npm test` builds first.)
 */
export function requireBuiltCli(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} does not exist: run 'npm run build' (or 'npm test') first`);
  const built = statSync(CLI).mtimeMs;
  for (const src of CLI_SOURCES) {
    if (newestMtime(join(ROOT, src)) > built) {
      throw new Error(`dist/cli.js is older than ${src}: run 'npm run build' (or 'npm test') first`);
    }
  }
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder; `cleanup` removes it. */
export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lint-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function write(dir: string, name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** A digest with no finding at all. */
export const CLEAN = `## Daily Papers (2024-01-11)

### [PIXART-δ: Fast and Controllable Image Generation](https://arxiv.org/abs/2401.05252)

![](https://cdn-uploads.huggingface.co/production/uploads/x/l4v9s2xQHdqOJ8LY6hoXg.png)

Vote: 24

Authors: Junsong Chen, Yue Wu, +

- 이 기술 보고서는 PIXART-δ를 소개합니다.
`;

/** Only a warning: the paper has no vote line. */
export const WARNING_ONLY = `## Daily Papers (2024-01-11)

### [PIXART-δ: Fast and Controllable Image Generation](https://arxiv.org/abs/2401.05252)

![](https://cdn-uploads.huggingface.co/production/uploads/x/l4v9s2xQHdqOJ8LY6hoXg.png)

Authors: Junsong Chen, Yue Wu, +

- 이 기술 보고서는 PIXART-δ를 소개합니다.
`;

/**
 * One error and two warnings, each with a quick fix: a video link without parentheses, a repeated author
 * and a URL glued to Korean text behind an emoji (two UTF-16 code units, so columns show it).
 */
export const THREE_PROBLEMS = `## Daily Papers (2024-01-11)

### [PIXART-δ: Fast and Controllable Image Generation](https://arxiv.org/abs/2401.05252)

[Watch Video]https://cdn-uploads.huggingface.co/production/uploads/x/KHwPYpncQy7UBY4FauF7X.mp4
<div><video controls src="https://cdn-uploads.huggingface.co/production/uploads/x/KHwPYpncQy7UBY4FauF7X.mp4" muted="false"></video></div>

Vote: 24

Authors: Junsong Chen, Yue Wu, Junsong Chen, +

- 🚀 코드는 https://github.com/PixArt-alpha/PixArt-alpha에서 볼 수 있습니다.
`;

/** Bytes from text (as UTF-8) and raw byte values, for files that are deliberately not UTF-8. */
export function bytes(...parts: (string | number[])[]): Uint8Array {
  const chunks = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
