// `digest-lint`: the command-line front end over the same engine as the language server.
// It only reads files, parses options and formats output; every check is parse → lint → fixes.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs, USAGE, UsageError, type Options } from './cli/args';
import { cause, collectFiles, readTarget, type Target } from './cli/files';
import { fixText, writeAtomic } from './cli/fix';
import { formatJson, formatSarif, formatText, printable, totals, type FileResult, type ToolInfo } from './cli/format';
import { lint } from './lint';
import { parse } from './model/parse';

const NAME = 'digest-lint';

/** package.json beside the bundle (dist/cli.js) or above the source: the one place versions live. */
function toolInfo(): ToolInfo {
  let dir = __dirname;
  for (let i = 0; i < 4; i++) {
    const p = join(dir, 'package.json');
    if (existsSync(p)) {
      const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string; repository?: { url?: string } };
      if (pkg.name === 'daily-papers-digest') {
        return { name: NAME, version: pkg.version ?? '0.0.0', informationUri: pkg.repository?.url ?? '' };
      }
    }
    dir = dirname(dir);
  }
  return { name: NAME, version: '0.0.0', informationUri: '' };
}

interface Io {
  out(s: string): void;
  err(s: string): void;
}

/** Runs the CLI and returns its exit status: 0 clean, 1 problems, 2 usage or file errors. */
export function run(argv: readonly string[], cwd: string, io: Io): number {
  let options: Options;
  try {
    options = parseArgs(argv);
    if (!options.help && !options.version && options.paths.length === 0) throw new UsageError('no files, folders or globs given');
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`${NAME}: ${err.message}\nRun '${NAME} --help' for usage.\n`);
    return 2;
  }
  if (options.help) {
    io.out(USAGE);
    return 0;
  }
  if (options.version) {
    io.out(`${toolInfo().version}\n`);
    return 0;
  }

  const { files, errors } = collectFiles(options.paths, cwd);
  // Everything is read before anything is written: a bad input stops --fix from half-running.
  const texts: { target: Target; text: string }[] = [];
  for (const target of files) {
    const r = readTarget(target);
    if ('error' in r) errors.push(r.error);
    else texts.push({ target, text: r.text });
  }
  if (errors.length) {
    for (const e of errors) io.err(`${NAME}: ${printable(e)}\n`);
    return 2;
  }

  const lintOptions = { severities: options.severities };
  const results: FileResult[] = [];
  let fixedProblems = 0;
  let fixedFiles = 0;
  let writeFailed = false;
  for (const { target, text: raw } of texts) {
    // The text after a BOM, as the editor has it, so line 1's columns are the editor's; --fix
    // writes the BOM back.
    const bom = raw.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
    const text = bom ? raw.slice(1) : raw;
    let final = text;
    if (options.fix) {
      const outcome = fixText(text, lintOptions);
      // Unchanged text is never written, so the file keeps its bytes and its mtime.
      if (outcome.text !== text) {
        try {
          writeAtomic(target.real, bom + outcome.text);
          final = outcome.text;
          fixedProblems += outcome.fixed;
          fixedFiles++;
        } catch (err) {
          io.err(`${NAME}: ${printable(`${target.display}: cannot write: ${cause(err)}`)}\n`);
          writeFailed = true;
        }
      }
    }
    results.push({ display: target.display, findings: lint(parse(final), lintOptions) });
  }

  if (options.format === 'json') io.out(formatJson(results));
  else if (options.format === 'sarif') io.out(formatSarif(results, toolInfo()));
  else {
    const note = options.fix ? `Fixed ${fixedProblems} ${fixedProblems === 1 ? 'problem' : 'problems'} in ${fixedFiles} of ${results.length} ${results.length === 1 ? 'file' : 'files'}.` : undefined;
    io.out(formatText(results, note));
  }

  if (writeFailed) return 2;
  const t = totals(results);
  if (t.errors > 0) return 1;
  if (options.maxWarnings !== undefined && t.warnings > options.maxWarnings) return 1;
  return 0;
}

if (require.main === module) {
  // A reader that stops early (`digest-lint … | head`) closes the pipe: that ends the run quietly.
  // Any other failure to write the report (a full disk) is said in one line, with status 2.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') process.stderr.write(`${NAME}: cannot write the report: ${err.code ?? err.message}\n`);
    process.exit(err.code === 'EPIPE' ? (process.exitCode ?? 0) : 2);
  });
  process.exitCode = run(process.argv.slice(2), process.cwd(), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  });
}
