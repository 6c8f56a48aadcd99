// Checks what the release artifacts hold, as CI builds them (scripts/test.sh): platform .vsix files (npm run package
// or npm run package:all) and the speclsp dotnet tool package (dotnet pack). Reads each zip's central directory and
// the server executable's first bytes; prints "ok …" or "not ok …" per check and exits 1 if any failed.
//   node scripts/check-artifacts.mjs [--all-platforms DIR] [FILE.vsix...] [FILE.nupkg...]
// --all-platforms DIR: DIR must hold one .vsix for each of the five targets we ship, each checked.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

function readZip(file) {
  const data = fs.readFileSync(file);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 65_557); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let n = 0; n < count; n++) {
    if (data.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${n}`);
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    entries.set(data.toString('utf8', at + 46, at + 46 + nameLength), { size, method, compressed, local });
    at += 46 + nameLength + extraLength + commentLength;
  }
  // An entry's bytes: after its local header (30 bytes, name and extra field), stored or deflated.
  const content = (name) => {
    const entry = entries.get(name);
    if (entry === undefined) return undefined;
    const start = entry.local + 30 + data.readUInt16LE(entry.local + 26) + data.readUInt16LE(entry.local + 28);
    const raw = data.subarray(start, start + entry.compressed);
    return entry.method === 0 ? raw : zlib.inflateRawSync(raw);
  };
  return { names: [...entries.keys()], size: (name) => entries.get(name)?.size, content };
}

const failures = [];
let passed = 0;
function check(what, ok, detail = '') {
  if (ok) {
    passed++;
    console.log(`ok ${what}`);
  } else {
    failures.push(what);
    console.log(`not ok ${what}${detail ? `: ${detail}` : ''}`);
  }
}

/** The VS Code targets we ship and the executable each must hold. */
const targets = {
  'linux-x64': { exe: 'speclsp', format: 'ELF x86-64' },
  'linux-arm64': { exe: 'speclsp', format: 'ELF aarch64' },
  'win32-x64': { exe: 'speclsp.exe', format: 'PE x86-64' },
  'darwin-x64': { exe: 'speclsp', format: 'Mach-O x86-64' },
  'darwin-arm64': { exe: 'speclsp', format: 'Mach-O arm64' },
};

/** What the first bytes of an executable say it is: "ELF x86-64", "PE x86-64", "Mach-O arm64"… */
function executableFormat(bytes) {
  if (bytes.length >= 20 && bytes.readUInt32BE(0) === 0x7f454c46 && bytes[4] === 2) {
    return `ELF ${{ 0x3e: 'x86-64', 0xb7: 'aarch64' }[bytes.readUInt16LE(18)] ?? `machine 0x${bytes.readUInt16LE(18).toString(16)}`}`;
  }
  if (bytes.length >= 0x40 && bytes.toString('latin1', 0, 2) === 'MZ') {
    const pe = bytes.readUInt32LE(0x3c);
    if (pe + 6 <= bytes.length && bytes.readUInt32LE(pe) === 0x00004550) {
      return `PE ${{ 0x8664: 'x86-64', 0xaa64: 'arm64' }[bytes.readUInt16LE(pe + 4)] ?? `machine 0x${bytes.readUInt16LE(pe + 4).toString(16)}`}`;
    }
  }
  if (bytes.length >= 8 && bytes.readUInt32LE(0) === 0xfeedfacf) {
    return `Mach-O ${{ 0x01000007: 'x86-64', 0x0100000c: 'arm64' }[bytes.readUInt32LE(4)] ?? `cpu 0x${bytes.readUInt32LE(4).toString(16)}`}`;
  }
  return 'unknown';
}

function machOLoadCommands(bytes) {
  const commands = [];
  let at = 32;
  for (let n = bytes.readUInt32LE(16); n > 0 && at + 8 <= bytes.length; n--) {
    commands.push(bytes.readUInt32LE(at));
    at += bytes.readUInt32LE(at + 4);
  }
  return commands;
}

// A .NET single-file bundle ends its host with the bundle marker (the SHA-256 of ".net core bundle"); a Native AOT
// executable has no bundle.
const bundleMarker = Buffer.from('8b1202b96a612038727b930214d7a03213f5b9e6efae3318ee3b2dce24b36aae', 'hex');

function checkVsix(vsixPath, expectedTarget) {
  const name = path.basename(vsixPath);
  const vsix = readZip(vsixPath);
  const { names } = vsix;
  const manifest = vsix.content('extension.vsixmanifest')?.toString('utf8') ?? '';
  const declared = /TargetPlatform="([^"]+)"/.exec(manifest)?.[1];
  const target = expectedTarget ?? declared;
  const expected = targets[target];
  check(`${name}: manifest target is ${target}`, declared !== undefined && declared === target && expected !== undefined, `declared ${declared ?? 'none'}`);
  check(`${name}: file name names its target`, name.includes(`-${target}-`), name);
  if (expected === undefined) return;

  const exe = `extension/server/${expected.exe}`;
  const others = names.filter((n) => n.startsWith('extension/server/') && n !== exe && n !== 'extension/server/speclsp.rid');
  check(`${name}: holds the server executable ${expected.exe} and nothing else beside it`, names.includes(exe) && others.length === 0, `missing ${exe}, or also ${others.join(', ')}`);
  const bytes = vsix.content(exe);
  if (bytes === undefined) return;
  const format = executableFormat(bytes);
  check(`${name}: ${expected.exe} is ${expected.format}`, format === expected.format, format);
  if (format.startsWith('Mach-O')) {
    // macOS on Apple silicon kills an unsigned executable; the SDK signs it ad hoc (LC_CODE_SIGNATURE, 0x1d).
    check(`${name}: ${expected.exe} carries a code signature`, machOLoadCommands(bytes).includes(0x1d));
  }
  const kind = bytes.indexOf(bundleMarker) >= 0 ? 'ReadyToRun single file' : 'Native AOT';
  const megabytes = vsix.size(exe) / 1e6;
  // Native AOT: about 11 MB; a self-contained, trimmed ReadyToRun single file: the runtime too, about 40 MB.
  const [low, high] = kind === 'Native AOT' ? [5, 20] : [15, 80];
  check(`${name}: ${kind} server of ${megabytes.toFixed(1)} MB (${low}-${high} MB)`, megabytes >= low && megabytes <= high);
  if (target === 'linux-x64') {
    check(`${name}: the server for this CI machine's platform is Native AOT`, kind === 'Native AOT', kind);
  }
  check(`${name}: holds the bundled extension and its manifest`, names.includes('extension/dist/extension.js') && names.includes('extension/package.json'));
  const bad = names.filter((n) => /\/(src|test|node_modules)\/|\.(ts|pdb|dbg|map)$/.test(n));
  check(`${name}: holds no sources, tests or symbols`, bad.length === 0, bad.join(', '));
  check(`${name}: package.json is the extension manifest`, JSON.parse(vsix.content('extension/package.json').toString('utf8')).name === 'speclsp');
}

function checkNupkg(nupkgPath) {
  const name = path.basename(nupkgPath);
  const nupkg = readZip(nupkgPath);
  const toolFiles = nupkg.names;
  check(`${name}: a dotnet tool named speclsp`, toolFiles.some((n) => /^tools\/net10\.0\/any\/DotnetToolSettings\.xml$/.test(n)) && toolFiles.includes('speclsp.nuspec'), toolFiles.join(', '));
  check(`${name}: holds the framework-dependent server`, toolFiles.includes('tools/net10.0/any/speclsp.dll') && toolFiles.includes('tools/net10.0/any/speclsp.runtimeconfig.json'));
}

let dir;
const files = [];
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] === '--all-platforms') dir = process.argv[++i];
  else files.push(process.argv[i]);
}
if (dir !== undefined) {
  const present = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.vsix')) : [];
  for (const target of Object.keys(targets)) {
    const found = present.filter((f) => f.includes(`-${target}-`));
    check(`${dir} holds one .vsix for ${target}`, found.length === 1, found.join(', ') || 'none');
    if (found.length === 1) checkVsix(path.join(dir, found[0]), target);
  }
}
for (const file of files) {
  if (!fs.existsSync(file)) check(`${file} exists`, false);
  else if (file.endsWith('.vsix')) checkVsix(file);
  else if (file.endsWith('.nupkg')) checkNupkg(file);
  else check(`${file} is a .vsix or .nupkg`, false);
}
if (passed + failures.length === 0) {
  console.error('usage: node scripts/check-artifacts.mjs [--all-platforms DIR] [FILE.vsix...] [FILE.nupkg...]');
  process.exit(2);
}

console.log(`# pass ${passed}`);
console.log(`# fail ${failures.length}`);
process.exit(failures.length === 0 ? 0 : 1);
