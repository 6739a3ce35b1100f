/**
 * Deterministic benchmark corpora built from the real fixtures: the same seed gives the same bytes.
 * Papers reuse real titles, authors and Korean bullets, with fresh ids, votes and some defects.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '..', 'test', 'fixtures');

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Material {
  titles: string[];
  authors: string[];
  bullets: string[];
  media: string[][];
}

let material: Material | undefined;

function load(): Material {
  if (material) return material;
  const m: Material = { titles: [], authors: [], bullets: [], media: [] };
  const names = new Set<string>();
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort()) {
    const lines = readFileSync(join(FIXTURES, file), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const title = /^### \[(.*)\]\(/.exec(line);
      if (title) m.titles.push(title[1]);
      else if (line.startsWith('Authors: ')) {
        for (const n of line.slice(9).split(', ')) if (n !== '+') names.add(n.trim());
      } else if (line.startsWith('- ')) m.bullets.push(line);
      else if (line.startsWith('![')) m.media.push([line]);
      else if (line.startsWith('[Watch Video](')) m.media.push([line, lines[i + 1]]);
    }
  }
  m.authors = [...names].sort();
  return (material = m);
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

/** One day's digest text: `papers` papers in descending vote order, with occasional defects. */
export function dayText(r: () => number, date: Date, papers: number): string {
  const m = load();
  const y = date.getUTCFullYear();
  const mo = date.getUTCMonth() + 1;
  const iso = `${y}-${pad(mo, 2)}-${pad(date.getUTCDate(), 2)}`;
  const yymm = `${pad(y % 100, 2)}${pad(mo, 2)}`;
  const out: string[] = [`## Daily Papers (${iso})`, ''];
  let votes = 20 + Math.floor(r() * 80);
  for (let p = 0; p < papers; p++) {
    const id = `${yymm}.${pad(Math.floor(r() * 99999), 5)}`;
    out.push(`### [${pick(r, m.titles)}](https://arxiv.org/abs/${id})`, '');
    const media = pick(r, m.media);
    if (media.length === 2 && r() < 0.1) out.push(media[0].replace('[Watch Video](', '[Watch Video]').replace(/\)$/, ''), media[1]);
    else out.push(...media);
    out.push('');
    if (r() > 0.05) out.push(`Vote: ${votes}`, '');
    votes = Math.max(0, votes - Math.floor(r() * 4));
    const n = 2 + Math.floor(r() * 12);
    const names: string[] = [];
    for (let a = 0; a < n; a++) {
      const name = pick(r, m.authors);
      names.push(name);
      if (r() < 0.04) names.push(name, name); // the scraper's triple repeat
    }
    out.push(`Authors: ${names.join(', ')}${r() < 0.1 ? ', +' : ''}`, '');
    const bullets = 3 + Math.floor(r() * 5);
    for (let b = 0; b < bullets; b++) out.push(pick(r, m.bullets));
    if (r() < 0.05) out.push(`- 코드는 https://github.com/example/repo${p}에서 공개됩니다.`);
    out.push('');
  }
  return out.join('\n');
}

/** About `bytes` of consecutive days, newest first, 10–20 papers a day. */
export function yearFile(seed: number, bytes: number): string {
  const r = rng(seed);
  const parts: string[] = [];
  let size = 0;
  const day = new Date(Date.UTC(2024, 11, 31));
  while (size < bytes) {
    const text = dayText(r, day, 10 + Math.floor(r() * 11));
    parts.push(text);
    size += Buffer.byteLength(text) + 1;
    day.setUTCDate(day.getUTCDate() - 1);
  }
  return parts.join('\n');
}

/** `count` daily files (name, text), one day each, like an archive of daily digests (~27 KB each). */
export function dailyFiles(seed: number, count: number): { name: string; text: string }[] {
  const r = rng(seed);
  const out: { name: string; text: string }[] = [];
  const day = new Date(Date.UTC(2024, 11, 31));
  for (let i = 0; i < count; i++) {
    const text = dayText(r, day, 14 + Math.floor(r() * 13));
    out.push({ name: `daily-papers-${day.toISOString().slice(0, 10)}.md`, text });
    day.setUTCDate(day.getUTCDate() - 1);
  }
  return out;
}
