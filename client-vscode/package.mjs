// Packages the extension as a platform-specific .vsix for the server in ./server (npm run package:server).
// The server is a Native AOT executable for one runtime identifier; the .vsix is marked for the matching
// VS Code target, so the Marketplace and VS Code only install it where that executable runs.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const vsceTargets = {
  'linux-x64': 'linux-x64',
  'linux-arm64': 'linux-arm64',
  'linux-arm': 'linux-armhf',
  'linux-musl-x64': 'alpine-x64',
  'linux-musl-arm64': 'alpine-arm64',
  'win-x64': 'win32-x64',
  'win-arm64': 'win32-arm64',
  'osx-x64': 'darwin-x64',
  'osx-arm64': 'darwin-arm64',
};

// npm run package:server writes server/speclsp.rid: the runtime identifier the Native AOT executable was compiled for.
const ridFile = path.join('server', 'speclsp.rid');
if (!fs.existsSync(ridFile)) {
  console.error(`${ridFile} not found: publish the server first (npm run package:server at the repository root).`);
  process.exit(1);
}
const rid = fs.readFileSync(ridFile, 'utf8').trim();
const target = vsceTargets[rid];
if (target === undefined) {
  console.error(`The server in ./server was published for ${rid || 'no runtime identifier'}, which has no VS Code target here.`);
  process.exit(1);
}

const vsce = path.join('node_modules', '.bin', process.platform === 'win32' ? 'vsce.cmd' : 'vsce');
const local = fs.existsSync(vsce) ? vsce : path.join('..', vsce);
execFileSync(local, ['package', '--target', target, '--no-dependencies', '--skip-license', '--allow-missing-repository'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
