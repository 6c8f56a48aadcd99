#!/usr/bin/env node
// Summaries and samples of `speclsp check --format json` output over a corpus of real repositories.
// Called by run.sh; see README.md in this folder. Node.js 20, no dependencies.

import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

const USAGE = `Summaries and samples of \`speclsp check --format json\` output over a corpus of real repositories.

Called by run.sh; see README.md in this folder. Node.js 20, no dependencies.

  precision.mjs summary OUT                  per repository and per code: diagnostics and files
  precision.mjs sample OUT CODE N [SEED]     N diagnostics of CODE drawn at random (seeded), with context
  precision.mjs formats CORPUS               the format documents of the corpus (path conventions), one a line;
                                             MAX=n keeps a seeded sample (SEED, default 16) of n per format
  precision.mjs formats-json OUT             formats.tsv from OUT/formats.list and check's JSON (OUT/json)
  precision.mjs formats-summary OUT          how many of each format a template was chosen for
`;

// Strings compare by code point (not UTF-16 unit), numbers by value; arrays element by element.
function compareStrings(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (U+D800–DFFF, astral code points) sort after U+E000–FFFF.
      const fix = (c) => (c >= 0xe000 ? c - 0x800 : c >= 0xd800 ? c + 0x2000 : c);
      return fix(x) - fix(y);
    }
  }
  return a.length - b.length;
}

function compare(a, b) {
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compare(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

const sorted = (items, key = (x) => x) => [...items].sort((a, b) => compare(key(a), key(b)));

// A Map of counts; mostCommon sorts by count, descending, ties in first-counted order.
class Counter extends Map {
  add(key, n = 1) {
    this.set(key, (this.get(key) ?? 0) + n);
  }
  count(key) {
    return this.get(key) ?? 0;
  }
  total() {
    let t = 0;
    for (const n of this.values()) t += n;
    return t;
  }
  mostCommon() {
    return [...this.entries()].sort((a, b) => b[1] - a[1]);
  }
}

const getOr = (map, key, make) => {
  if (!map.has(key)) map.set(key, make());
  return map.get(key);
};

// An integer argument or variable: optional sign, digits (underscores between them allowed), spaces around.
function integer(text, what) {
  const s = String(text).trim();
  if (!/^[+-]?\d+(_\d+)*$/.test(s)) throw new Error(`${what} must be an integer, not '${text}'`);
  return BigInt(s.replaceAll('_', ''));
}

const smallInteger = (text, what) => {
  const n = integer(text, what);
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`${what} is out of range: ${text}`);
  }
  return Number(n);
};

// Seeded generator: the seed's decimal text hashed (cyrb128) into the state of sfc32. Deterministic for a
// seed on every platform; not Python's random sequence.
function generator(seed) {
  const text = seed.toString();
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  let a = (h1 ^ h2 ^ h3 ^ h4) >>> 0, b = (h2 ^ h1) >>> 0, c = (h3 ^ h1) >>> 0, d = (h4 ^ h1) >>> 0;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next();
  // A uniform integer in [0, m), m < 2^32, by rejection (no modulo bias).
  const below = (m) => {
    const limit = 2 ** 32 - (2 ** 32 % m);
    let x;
    do x = next(); while (x >= limit);
    return x % m;
  };
  return { below };
}

// k distinct items of pool in the order drawn (a partial Fisher–Yates shuffle of a copy).
function sample(pool, k, seed) {
  if (k < 0 || k > pool.length) throw new Error('sample larger than population or is negative');
  const { below } = generator(seed);
  const items = [...pool];
  for (let i = 0; i < k; i++) {
    const j = i + below(items.length - i);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items.slice(0, k);
}

// A text file as Python's text mode reads it: UTF-8 (bad bytes replaced), \r\n and \r read as \n.
const readText = (file) => readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');

// Every diagnostic as [repo, path, line0, char0, code, severity, message], sorted, and per-repo file totals.
function load(out) {
  const rows = [];
  const totals = new Map();
  const folder = join(out, 'json');
  for (const name of sorted(readdirSync(folder))) {
    if (!name.endsWith('.json')) continue;
    const repo = name.slice(0, -'.json'.length);
    const data = JSON.parse(readText(join(folder, name)));
    totals.set(repo, data.summary.files);
    for (const d of data.diagnostics) {
      const start = d.range.start;
      rows.push([repo, d.path, start.line, start.character, d.code, d.severity, d.message]);
    }
  }
  rows.sort(compare);
  return { rows, totals };
}

function summary(out, print) {
  const { rows, totals } = load(out);
  const byRepo = new Map(); // repo -> Counter of codes
  const filesRepo = new Map(); // repo -> code -> Set of paths
  const byCode = new Counter();
  const filesCode = new Map(); // code -> Set of 'repo\0path'
  const severity = new Map(); // code -> Counter of severities
  const filesAll = new Set();
  const filesPerRepo = new Map(); // repo -> Set of paths
  for (const [repo, path, , , code, sev] of rows) {
    getOr(byRepo, repo, () => new Counter()).add(code);
    getOr(getOr(filesRepo, repo, () => new Map()), code, () => new Set()).add(path);
    byCode.add(code);
    getOr(filesCode, code, () => new Set()).add(`${repo}\0${path}`);
    getOr(severity, code, () => new Counter()).add(sev);
    filesAll.add(`${repo}\0${path}`);
    getOr(filesPerRepo, repo, () => new Set()).add(path);
  }

  print('## Per code, all repositories\n');
  print('| code | severity | reported | files |');
  print('|---|---|---:|---:|');
  for (const [code, n] of sorted(byCode.entries(), ([c, k]) => [-k, c])) {
    const sev = severity.get(code).mostCommon().map(([s, c]) => `${s} ${c}`).join(', ');
    print(`| ${code} | ${sev} | ${n} | ${filesCode.get(code).size} |`);
  }
  print(`| **all** | | ${byCode.total()} | ${filesAll.size} |`);

  print('\n## Per repository\n');
  print('| repository | files checked | files with diagnostics | code: reported (files) |');
  print('|---|---:|---:|---|');
  for (const repo of sorted(totals.keys())) {
    const withDiag = filesPerRepo.get(repo)?.size ?? 0;
    const counts = byRepo.get(repo) ?? new Counter();
    const codes = sorted(counts.entries(), ([c, k]) => [-k, c])
      .map(([c, n]) => `${c}: ${n} (${filesRepo.get(repo).get(c).size})`)
      .join('; ');
    print(`| ${repo} | ${totals.get(repo)} | ${withDiag} | ${codes || '—'} |`);
  }
}

function sampleCommand(out, code, n, seed, context, print) {
  const { rows } = load(out);
  const corpus = readText(join(out, 'corpus')).trim();
  const pool = rows.filter((r) => r[4] === code);
  const chosen = sample(pool, Math.min(n, pool.length), seed);
  print(`# ${code}: ${chosen.length} of ${pool.length} (seed ${seed})\n`);
  chosen.forEach(([repo, path, line, char, , sev, message], index) => {
    const file = join(corpus, repo, path);
    let lines;
    try {
      lines = readText(file).split('\n');
    } catch (e) {
      lines = [`<cannot read: ${e.message}>`];
    }
    let heading = null;
    for (let k = Math.min(line, lines.length - 1); k >= 0; k--) {
      if (/^#{1,6} /.test(lines[k])) {
        heading = lines[k];
        break;
      }
    }
    print(`## ${index + 1}. ${repo}/${path}:${line + 1}:${char + 1} [${sev}]`);
    print(`   ${message}`);
    if (heading !== null) print(`   under: ${heading.trim()}`);
    for (let k = Math.max(0, line - context); k < Math.min(lines.length, line + context + 1); k++) {
      print(`   ${k === line ? '>' : ' '} ${String(k + 1).padStart(5)} | ${lines[k]}`);
    }
    print('');
  });
}

// Format documents by their path conventions; the folder name of a corpus repository does not matter.
// \p{Nd} is any decimal digit, as \d is in Python's regular expressions.
const FORMATS = [
  ['spec-kit spec', /(^|\/)specs\/\p{Nd}+-[^/]+\/spec\.md$/u],
  ['spec-kit plan', /(^|\/)specs\/\p{Nd}+-[^/]+\/plan\.md$/u],
  ['spec-kit tasks', /(^|\/)specs\/\p{Nd}+-[^/]+\/tasks\.md$/u],
  ['spec-kit checklist', /(^|\/)specs\/\p{Nd}+-[^/]+\/checklists\/[^/]+\.md$/u],
  ['KEP README', /(^|\/)keps\/.+\/README\.md$/u], // only beside a kep.yaml, checked below
  ['Rust RFC', /(^|\/)text\/\p{Nd}{4}-[^/]+\.md$/u],
  ['ADR (MADR)', /(^|\/)docs\/decisions\/\p{Nd}{4}-[^/]+\.md$/u],
  ['ADR (examples)', /(^|\/)locales\/en\/examples\/[^/]+\/index\.md$/u],
  ['OpenSpec proposal', /(^|\/)openspec\/changes\/(archive\/)?[^/]+\/proposal\.md$/u],
  ['OpenSpec tasks', /(^|\/)openspec\/changes\/(archive\/)?[^/]+\/tasks\.md$/u],
  ['OpenSpec spec delta', /(^|\/)openspec\/changes\/(archive\/)?[^/]+\/specs\/.+\/spec\.md$/u],
  ['OpenSpec spec', /(^|\/)openspec\/specs\/[^/]+\/spec\.md$/u],
];

const isDirectory = (path) => {
  try {
    return statSync(path).isDirectory(); // follows symbolic links
  } catch {
    return false;
  }
};

// Top-down walk like Python's os.walk: a folder's files, then its subfolders in name order; symbolic links
// to folders count as folders but are not followed; unreadable folders are skipped.
function* walk(folder) {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  const dirs = [];
  const files = [];
  for (const e of entries) {
    const path = join(folder, e.name);
    if (e.isDirectory() || (e.isSymbolicLink() && isDirectory(path))) dirs.push(e);
    else files.push(e.name);
  }
  yield [folder, files];
  for (const e of sorted(dirs, (d) => d.name)) {
    if (!e.isSymbolicLink()) yield* walk(join(folder, e.name));
  }
}

function formats(corpus, cap, seed, print) {
  const found = new Map(FORMATS.map(([kind]) => [kind, []]));
  for (const repo of sorted(readdirSync(corpus))) {
    const root = join(corpus, repo);
    if (!isDirectory(root)) continue;
    for (const [folder, files] of walk(root)) {
      const prefix = folder === root ? '' : folder.slice(root.length + 1) + '/';
      for (const name of sorted(files)) {
        const rel = prefix + name;
        for (const [kind, pattern] of FORMATS) {
          if (pattern.test(rel) && (kind !== 'KEP README' || files.includes('kep.yaml'))) {
            found.get(kind).push(`${kind}\t${repo}\t${rel}`);
            break;
          }
        }
      }
    }
  }
  for (const [kind] of FORMATS) {
    let docs = found.get(kind);
    if (cap && docs.length > cap) docs = sorted(sample(docs, cap, seed));
    for (const line of docs) print(line);
  }
}

// Python's format(x, ".0f"): the nearest integer, halves to even.
function round0(x) {
  const f = Math.floor(x);
  if (x - f === 0.5) return String(f % 2 === 0 ? f : f + 1);
  return String(Math.round(x));
}

function formatsSummary(out, print) {
  const per = new Map(); // kind -> Counter of templates
  const text = readText(join(out, 'formats.tsv'));
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    const fields = line.split('\t');
    if (fields.length !== 4) throw new Error(`formats.tsv: expected 4 tab-separated fields, got ${fields.length}: ${line}`);
    const choice = fields[3];
    const m = /^template: (\S+)/.exec(choice);
    getOr(per, fields[0], () => new Counter()).add(m ? m[1] : '?');
  }
  print('| format | documents | matched to a template | which |');
  print('|---|---:|---:|---|');
  for (const [kind] of FORMATS) {
    if (!per.has(kind)) continue;
    const c = per.get(kind);
    const total = c.total();
    const matched = total - c.count('none');
    const which = c.mostCommon().map(([t, n]) => `${t} ${n}`).join(', ');
    print(`| ${kind} | ${total} | ${matched} (${round0((100 * matched) / total)} %) | ${which} |`);
  }
}

// formats.tsv from check's JSON (OUT/json/REPO.json, "files": the template chosen per file) instead of one
// outline process a document: every document of formats.list, the same line format as run.sh writes. A file that a
// symbolic link points to is checked once, under the path met first (often the link's): found by its real path.
function formatsFromJson(out, print) {
  const corpus = readText(join(out, 'corpus')).trim();
  const real = (path) => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  };
  const chosen = new Map(); // repo -> Map(real path -> template or null)
  const lines = readText(join(out, 'formats.list')).split('\n').filter((l) => l !== '');
  for (const line of lines) {
    const [kind, repo, rel] = line.split('\t');
    if (!chosen.has(repo)) {
      const files = JSON.parse(readText(join(out, 'json', `${repo}.json`))).files ?? [];
      chosen.set(repo, new Map(files.map((f) => [real(join(corpus, repo, f.path)), f.template])));
    }
    const files = chosen.get(repo);
    const key = real(join(corpus, repo, rel));
    const template = files.has(key) ? files.get(key) ?? 'none' : '?';
    print(`${kind}\t${repo}\t${rel}\ttemplate: ${template}`);
  }
}

function main(argv) {
  const output = [];
  const print = (line) => output.push(line + '\n');
  const [cmd] = argv;
  if (cmd === 'summary' && argv.length >= 2) {
    summary(argv[1], print);
  } else if (cmd === 'sample' && argv.length >= 4) {
    const seed = argv.length > 4 ? integer(argv[4], 'SEED') : 16n;
    const context = smallInteger(process.env.CONTEXT ?? '3', 'CONTEXT');
    sampleCommand(argv[1], argv[2], smallInteger(argv[3], 'N'), seed, context, print);
  } else if (cmd === 'formats' && argv.length === 2) {
    const cap = smallInteger(process.env.MAX ?? '0', 'MAX');
    formats(argv[1], cap, integer(process.env.SEED ?? '16', 'SEED'), print);
  } else if (cmd === 'formats-json' && argv.length === 2) {
    formatsFromJson(argv[1], print);
  } else if (cmd === 'formats-summary' && argv.length === 2) {
    formatsSummary(argv[1], print);
  } else {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  process.stdout.write(output.join(''));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`precision.mjs: ${e.message}\n`);
  process.exitCode = 1;
}
