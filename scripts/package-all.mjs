// npm run package:all: one platform-specific .vsix per VS Code target into artifacts/vsix/.
//   node scripts/package-all.mjs [--only linux-x64,win-x64]
// Each server is published with the editor profile (server/SpecLsp.Server/Properties/PublishProfiles/editor.pubxml)
// into artifacts/server/RID: Native AOT for this OS (linux-arm64 too when a cross linker and arm64 libraries are
// installed, see scripts/install-cross-toolchain.sh), a self-contained trimmed ReadyToRun single file for another OS
// (Native AOT cannot compile for one) or an architecture without a cross toolchain. The client is bundled once;
// each .vsix is packed with vsce --target. client-vscode/server is left holding this machine's server, as
// npm run package:server leaves it. Prints one line per platform: what was built, its size and the time it took.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const clientRoot = path.join(root, 'client-vscode');
const version = JSON.parse(fs.readFileSync(path.join(clientRoot, 'package.json'), 'utf8')).version;
const shell = process.platform === 'win32';

/** The platforms we ship: .NET runtime identifier and VS Code target. */
const platforms = [
  { rid: 'linux-x64', target: 'linux-x64' },
  { rid: 'linux-arm64', target: 'linux-arm64' },
  { rid: 'win-x64', target: 'win32-x64' },
  { rid: 'osx-x64', target: 'darwin-x64' },
  { rid: 'osx-arm64', target: 'darwin-arm64' },
];

const hostOS = { linux: 'linux', win32: 'win', darwin: 'osx' }[process.platform];
const hostRid = `${hostOS}-${{ x64: 'x64', arm64: 'arm64' }[os.arch()]}`;

// Native AOT links with the target's native toolchain: the host's own, or for another Linux architecture clang with
// lld and that architecture's libc and zlib (Debian multiarch). Without them the server for it is ReadyToRun.
function native(rid) {
  if (rid === hostRid) return true;
  if (!rid.startsWith(`${hostOS}-`) || hostOS !== 'linux') return false;
  const triple = { 'linux-arm64': 'aarch64-linux-gnu', 'linux-x64': 'x86_64-linux-gnu' }[rid];
  const has = (command) => spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
  return triple !== undefined && has('clang') && has('ld.lld')
    && fs.existsSync(`/usr/lib/${triple}/libz.a`) && fs.existsSync(`/usr/lib/${triple}/crt1.o`);
}

function run(command, args, options = {}) {
  execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], shell, ...options });
}

const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1].split(',') : undefined;
const chosen = platforms.filter((p) => only === undefined || only.includes(p.rid) || only.includes(p.target));
if (chosen.length === 0) {
  console.error(`--only names none of ${platforms.map((p) => p.rid).join(', ')}`);
  process.exit(2);
}

const outDir = path.join(root, 'artifacts', 'vsix');
fs.mkdirSync(outDir, { recursive: true });
for (const old of fs.readdirSync(outDir).filter((f) => f.endsWith('.vsix'))) fs.rmSync(path.join(outDir, old));

const started = Date.now();
run('npm', ['run', 'build', '--', '--production'], { cwd: clientRoot });
const vsce = path.join(root, 'node_modules', '.bin', shell ? 'vsce.cmd' : 'vsce');
const bundled = path.join(clientRoot, 'server');
const summary = [];
for (const { rid, target } of chosen) {
  const begin = Date.now();
  const isNative = native(rid);
  const serverDir = path.join(root, 'artifacts', 'server', rid);
  fs.rmSync(serverDir, { recursive: true, force: true });
  run('dotnet', ['publish', 'server/SpecLsp.Server', '-c', 'Release', '-p:PublishProfile=editor', '-r', rid,
    `-p:SpecLspNative=${isNative}`, '-o', serverDir, '--nologo'], { cwd: root });
  fs.rmSync(bundled, { recursive: true, force: true });
  fs.cpSync(serverDir, bundled, { recursive: true });
  const vsix = path.join(outDir, `speclsp-${target}-${version}.vsix`);
  run(vsce, ['package', '--target', target, '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', vsix],
    { cwd: clientRoot });
  const exe = path.join(serverDir, rid.startsWith('win-') ? 'speclsp.exe' : 'speclsp');
  summary.push(`${target}: ${isNative ? 'Native AOT' : 'ReadyToRun single file'}, server ${(fs.statSync(exe).size / 1e6).toFixed(1)} MB, `
    + `vsix ${(fs.statSync(vsix).size / 1e6).toFixed(1)} MB, ${((Date.now() - begin) / 1000).toFixed(0)} s`);
}

// What npm run package:server leaves: the server for this machine, which the client's tests start.
fs.rmSync(bundled, { recursive: true, force: true });
const host = path.join(root, 'artifacts', 'server', hostRid);
if (fs.existsSync(host)) fs.cpSync(host, bundled, { recursive: true });

for (const line of summary) console.log(line);
console.log(`${chosen.length} .vsix in ${path.relative(root, outDir)} in ${((Date.now() - started) / 1000).toFixed(0)} s `
  + `(${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
