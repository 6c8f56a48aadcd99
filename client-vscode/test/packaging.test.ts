// What `npm run package` puts in the .vsix, as vsce lists it (.vscodeignore applied): the bundled extension and every
// file of the published server, nothing of the sources. Needs `npm run package:server` and the client build first
// (scripts/test.sh does both).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { clientRoot, repoRoot } from './support/lspSession';

function filesUnder(folder: string, prefix: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

describe('the .vsix contents', () => {
  test('vsceLs_AfterPackageServer_WholeServerAndTheBundleOnly', () => {
    const vsce = path.join(repoRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'vsce.cmd' : 'vsce');
    const listed = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: clientRoot, encoding: 'utf8', shell: process.platform === 'win32' })
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .sort();
    const server = filesUnder(path.join(clientRoot, 'server'), 'server/');
    const executable = process.platform === 'win32' ? 'server/speclsp.exe' : 'server/speclsp';
    assert.ok(server.includes(executable), `${executable} not published: ${server.join(', ')}`);
    assert.deepEqual(listed, ['README.md', 'dist/extension.js', 'package.json', ...server].sort());
  });
});
