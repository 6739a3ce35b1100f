// Command-line options. Anything unexpected is a usage error (exit 2) with one line naming it.
import { ruleById } from '../rules/index';
import type { SeveritySetting } from '../rules/types';
import { FORMATS, type Format } from './format';

export interface Options {
  format: Format;
  fix: boolean;
  severities: Record<string, SeveritySetting>;
  maxWarnings?: number;
  help: boolean;
  version: boolean;
  paths: string[];
}

export class UsageError extends Error {}

const LEVELS: readonly SeveritySetting[] = ['off', 'error', 'warning', 'information'];

export const USAGE = `Usage: digest-lint [options] <files|folders|globs>...

Checks Daily Papers digests. Folders are searched recursively for digests (files whose first
non-blank line is a '## Daily Papers (YYYY-MM-DD)' heading), skipping node_modules and .git;
globs (*, **, ?, {a,b}) select digests the same way; a file named explicitly is always checked.

Options:
  --format text|json|sarif   output format (default: text)
  --fix                      apply every available fix, then report what is left
  --rule <id>=<level>        set a rule's severity: off, error, warning or information (repeatable)
  --max-warnings <n>         exit 1 when there are more than n warnings
  --help                     show this help
  --version                  show the version

Exit status: 0 no errors (and warnings within --max-warnings), 1 problems found,
2 usage or file errors.
`;

function parseRule(value: string, into: Record<string, SeveritySetting>): void {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new UsageError(`--rule expects <id>=<level>, got '${value}'`);
  const id = value.slice(0, eq).trim();
  const level = value.slice(eq + 1).trim();
  if (!ruleById.has(id)) throw new UsageError(`unknown rule '${id}' in --rule ${value}`);
  if (!(LEVELS as readonly string[]).includes(level)) {
    throw new UsageError(`unknown level '${level}' in --rule ${value}: expected ${LEVELS.join(', ')}`);
  }
  into[id] = level as SeveritySetting;
}

export function parseArgs(argv: readonly string[]): Options {
  const o: Options = { format: 'text', fix: false, severities: {}, help: false, version: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      o.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      o.paths.push(arg);
      continue;
    }
    // Both `--opt value` and `--opt=value`.
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const value = (): string => {
      if (eq !== -1) return arg.slice(eq + 1);
      if (i + 1 >= argv.length) throw new UsageError(`${name} needs a value`);
      return argv[++i];
    };
    const flag = () => {
      if (eq !== -1) throw new UsageError(`${name} takes no value`);
    };
    switch (name) {
      case '--format': {
        const f = value();
        if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown format '${f}': expected ${FORMATS.join(', ')}`);
        o.format = f as Format;
        break;
      }
      case '--fix':
        flag();
        o.fix = true;
        break;
      case '--rule':
        parseRule(value(), o.severities);
        break;
      case '--max-warnings': {
        const v = value();
        if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings expects a non-negative integer, got '${v}'`);
        o.maxWarnings = Number(v);
        break;
      }
      case '--help':
      case '-h':
        flag();
        o.help = true;
        break;
      case '--version':
        flag();
        o.version = true;
        break;
      default:
        throw new UsageError(`unknown option '${name}'`);
    }
  }
  return o;
}
