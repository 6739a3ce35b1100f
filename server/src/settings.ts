import { ruleById } from './rules/index';
import type { SeveritySetting } from './rules/types';
import type { Associations } from './workspace/language';

/** The `digest` configuration section, read into the shape the server uses, and `files.associations`. */
export interface Settings {
  /** Per rule id: a severity or `off`; rules not named keep their default. */
  severities: Record<string, SeveritySetting>;
  /** Glob (relative to each workspace folder) of files that may be digests. */
  files: string;
  maxFileSizeMB: number;
  debounceMs: number;
  /** `files.associations` (outside the `digest` section): which files open with the digest language. */
  associations: Associations;
}

export const DEFAULT_FILES = '**/*.{md,txt}';

export function defaultSettings(): Settings {
  return { severities: {}, files: DEFAULT_FILES, maxFileSizeMB: 20, debounceMs: 200, associations: {} };
}

const SEVERITIES = new Set<string>(['error', 'warning', 'information', 'off']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function number(v: unknown, fallback: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

/** `files.associations` as a client sent it: entries with a string value (a language id) only. */
function readAssociations(raw: unknown): Associations {
  if (!isObject(raw)) return {};
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * Reads whatever a client sent for the `digest` section. VS Code nests dotted keys
 * (`{ rules: { 'duplicate-author': 'off' } }`); other clients often send them flat
 * (`{ 'rules.duplicate-author': 'off' }`): both are accepted, anything malformed falls back to
 * the default rather than failing the request. `files.associations` comes in a section of its own.
 */
export function readSettings(raw: unknown, associations?: unknown): Settings {
  const out = defaultSettings();
  out.associations = readAssociations(associations);
  if (!isObject(raw)) return out;
  const pick = (path: string): unknown => {
    if (path in raw) return raw[path];
    let at: unknown = raw;
    for (const key of path.split('.')) {
      if (!isObject(at)) return undefined;
      at = at[key];
    }
    return at;
  };
  const rules = isObject(raw.rules) ? raw.rules : {};
  for (const id of ruleById.keys()) {
    const v = raw[`rules.${id}`] ?? rules[id];
    if (typeof v === 'string' && SEVERITIES.has(v)) out.severities[id] = v as SeveritySetting;
  }
  const files = pick('files');
  if (typeof files === 'string' && files.trim()) out.files = files.trim();
  out.maxFileSizeMB = number(pick('maxFileSizeMB'), out.maxFileSizeMB, 0, Number.MAX_SAFE_INTEGER);
  out.debounceMs = number(pick('validation.debounceMs'), out.debounceMs, 0, 5000);
  return out;
}

/** Bytes above which a file is not validated. */
export function maxBytes(settings: Settings): number {
  return settings.maxFileSizeMB * 1024 * 1024;
}

/**
 * Whether going from one setting to the other changes which files the index reads from disk, or
 * what it takes of them: then the workspace is scanned again. Severities apply when read.
 */
export function changesIndex(before: Settings, after: Settings): boolean {
  return (
    before.files !== after.files ||
    before.maxFileSizeMB !== after.maxFileSizeMB ||
    JSON.stringify(before.associations) !== JSON.stringify(after.associations)
  );
}
