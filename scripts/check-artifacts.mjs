// Checks what the release artifacts hold, as CI builds them (scripts/test.sh): the platform .vsix (npm run package)
// and the speclsp dotnet tool package (dotnet pack). Reads each zip's central directory; prints "ok …" or
// "not ok …" per check and exits 1 if any failed.
import * as fs from 'node:fs';
import * as path from 'node:path';

function zipEntries(file) {
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
    const size = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    entries.set(data.toString('utf8', at + 46, at + 46 + nameLength), size);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
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

const [vsixPath, nupkgPath] = process.argv.slice(2);
const vsix = zipEntries(vsixPath);
const names = [...vsix.keys()];
const executable = names.find((n) => n === 'extension/server/speclsp' || n === 'extension/server/speclsp.exe');
check('vsix holds the native server executable', executable !== undefined, names.join(', '));
check('vsix server is Native AOT (5-30 MB, no managed speclsp.dll)', executable !== undefined && vsix.get(executable) > 5e6 && vsix.get(executable) < 30e6 && !names.includes('extension/server/speclsp.dll'), `${vsix.get(executable)} bytes`);
check('vsix holds the bundled extension and its manifest', names.includes('extension/dist/extension.js') && names.includes('extension/package.json') && names.includes('extension.vsixmanifest'));
check('vsix holds no sources, tests or symbols', !names.some((n) => /\/(src|test|node_modules)\/|\.(ts|pdb|dbg|map)$/.test(n)), names.filter((n) => /\/(src|test|node_modules)\/|\.(ts|pdb|dbg|map)$/.test(n)).join(', '));
const manifest = fs.readFileSync(path.join(path.dirname(vsixPath), 'package.json'), 'utf8');
check('vsix names its platform', /-(linux|win32|darwin|alpine)-(x64|arm64|armhf)-/.test(path.basename(vsixPath)), path.basename(vsixPath));
check('package.json is the extension manifest', JSON.parse(manifest).name === 'speclsp');

const nupkg = zipEntries(nupkgPath);
const toolFiles = [...nupkg.keys()];
check('tool package is a dotnet tool named speclsp', toolFiles.some((n) => /^tools\/net10\.0\/any\/DotnetToolSettings\.xml$/.test(n)) && toolFiles.includes('speclsp.nuspec'), toolFiles.join(', '));
check('tool package holds the framework-dependent server', toolFiles.includes('tools/net10.0/any/speclsp.dll') && toolFiles.includes('tools/net10.0/any/speclsp.runtimeconfig.json'));

console.log(`# pass ${passed}`);
console.log(`# fail ${failures.length}`);
process.exit(failures.length === 0 ? 0 : 1);
