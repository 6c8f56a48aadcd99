// The server as the extension ships it: `npm run package:server` publishes a Native AOT executable into
// client-vscode/server (scripts/test.sh does so before these tests). AOT compilation removes what it cannot see used,
// so a reflection-only path can build fine and break at run time: these tests drive that executable over real pipes,
// as the extension starts it, and compare it with the JIT-compiled dll build.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CompletionItem,
  CompletionList,
  CompletionRequest,
  Diagnostic,
  DocumentSymbol,
  DocumentSymbolRequest,
  Hover,
  HoverRequest,
  MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { bundledServerLaunch, builtServerLaunch, clientRoot, LspSession, repoRoot } from './support/lspSession';

const examples = path.join(repoRoot, 'examples');

function run(command: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : NaN;
      if (Number.isNaN(code)) {
        reject(error);
      } else {
        resolve({ code, stdout, stderr });
      }
    });
  });
}

function symbolNames(symbols: DocumentSymbol[]): string[] {
  return symbols.flatMap((s) => [s.name, ...symbolNames(s.children ?? [])]);
}

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${String(d.code)} ${d.range.start.line}`);
}

function messages(diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => `${String(d.code)} ${d.range.start.line}: ${typeof d.message === 'string' ? d.message : d.message.value}`).join('\n');
}

const frontMatterSpec = [
  '---',
  'template: lightweight',
  'owner: &owner Ada Lovelace',
  'reviewers: [*owner, "Grace Hopper"]',
  'tags:',
  '  - export',
  '---',
  '# Feature Specification: Front Matter',
  '',
  '## Overview',
  '',
  'The template comes from the front matter, not from the headings.',
  '',
].join('\n');

describe('the bundled server: the Native AOT publish, started as the extension starts it', { timeout: 120_000 }, () => {
  let workspace: string;
  let session: LspSession;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'speclsp-published-'));
    for (const name of fs.readdirSync(examples).filter((f) => f.endsWith('.md'))) {
      fs.copyFileSync(path.join(examples, name), path.join(workspace, name));
    }
    fs.writeFileSync(path.join(workspace, 'front-matter.md'), frontMatterSpec);
    session = await LspSession.start(workspace, bundledServerLaunch());
  });

  after(() => {
    session?.kill();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  test('launch_BundledServer_ExecutableStartedDirectlyWithoutDotnet', () => {
    const executable = path.join(clientRoot, 'server', process.platform === 'win32' ? 'speclsp.exe' : 'speclsp');
    assert.equal(session.launch.command, executable);
    assert.deepEqual(session.launch.args, ['lsp']);
    assert.equal(session.launch.dotnet, undefined);
    // Native AOT: one native executable and the platform marker, no managed assembly, no runtime to find.
    const files = fs.readdirSync(path.join(clientRoot, 'server')).sort();
    assert.deepEqual(files, [path.basename(executable), 'speclsp.rid'].sort());
    const magic = fs.readFileSync(executable).subarray(0, 4);
    const native = magic.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46])) || magic.subarray(0, 2).toString('latin1') === 'MZ' || magic.readUInt32LE(0) === 0xfeedfacf;
    assert.ok(native, `not a native executable: ${magic.toString('hex')}`);
  });

  test('initialize_VsCodeCapabilities_ServerInfoAndFeatures', () => {
    const { capabilities, serverInfo } = session.initializeResult;
    assert.equal(serverInfo?.name, 'speclsp');
    assert.ok(capabilities.hoverProvider && capabilities.documentSymbolProvider && capabilities.completionProvider && capabilities.diagnosticProvider);
  });

  test('documentSymbol_ExampleSpec_SectionsAndRequirements', async () => {
    const doc = await session.open(path.join(workspace, 'csv-export.md'));
    const symbols = (await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: doc.uri } })) as DocumentSymbol[];
    const names = symbolNames(symbols);
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0]!.name, 'Feature Specification: CSV Export');
    for (const expected of ['Overview', 'Requirements', 'FR1: Export the visible report', 'Testing Strategy', 'Open Questions']) {
      assert.ok(names.includes(expected), `${expected} missing from ${names.join(' | ')}`);
    }
  });

  test('diagnostics_ExampleSpec_MissingSectionsOfItsTemplate', async () => {
    const doc = await session.open(path.join(workspace, 'csv-export.md'));
    const diagnostics = await session.diagnostics(doc.uri);
    const missing = diagnostics.filter((d) => d.code === 'missing-section').map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
    assert.ok(missing.includes("Missing section 'Rollback Procedure' (template 'detailed')."), messages(diagnostics));
    assert.ok(diagnostics.some((d) => d.code === 'unfilled-placeholder' && d.range.start.line === 104), messages(diagnostics));
  });

  test('completion_NewH2AtTheEnd_OffersTheMissingSections', async () => {
    const uri = (await session.open(path.join(workspace, 'csv-export.md'))).uri;
    const doc = session.documents.get(uri)!;
    const end = doc.positionAt(doc.getText().length);
    const typed = await session.edit(uri, [{ range: { start: end, end }, newText: '\n## ' }]);
    const result = await session.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: typed.positionAt(typed.getText().length),
      context: { triggerKind: 1 },
    });
    const labels = (Array.isArray(result) ? result : (result as CompletionList | null)?.items ?? []).map((i: CompletionItem) => i.label);
    assert.ok(labels.some((l) => l.includes('Rollback Procedure')), `labels: ${labels.join(', ')}`);
    assert.ok(!labels.some((l) => l.includes('Overview')), `present sections offered again: ${labels.join(', ')}`);
  });

  test('hover_RequirementMention_ShowsItsDefinition', async () => {
    const doc = await session.open(path.join(workspace, 'csv-export.md'));
    const line = doc.getText().split('\n').findIndex((l) => l.includes('(see FR1 for the trigger)'));
    const character = doc.getText().split('\n')[line]!.indexOf('FR1') + 1;
    const hover = (await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: doc.uri }, position: { line, character } })) as Hover | null;
    assert.ok(hover, 'no hover on FR1');
    assert.match((hover.contents as MarkupContent).value, /Export the visible report/);
  });

  test('diagnostics_YamlFrontMatterNamesTheTemplate_ItsSectionsAreRequired', async () => {
    const doc = await session.open(path.join(workspace, 'front-matter.md'));
    const diagnostics = await session.diagnostics(doc.uri);
    const missing = diagnostics.filter((d) => d.code === 'missing-section');
    assert.ok(missing.length > 0, messages(diagnostics));
    assert.ok(missing.every((d) => String(d.message).includes("(template 'lightweight')")), messages(diagnostics));
    assert.ok(!diagnostics.some((d) => d.code === 'invalid-front-matter'), messages(diagnostics));
  });

  test('diagnostics_BrokenYamlFrontMatter_Reported', async () => {
    const file = path.join(workspace, 'broken-front-matter.md');
    fs.writeFileSync(file, '---\ntitle: [unclosed\n---\n# Feature Specification: Broken\n\n## Overview\n\nText.\n');
    const diagnostics = await session.diagnostics((await session.open(file)).uri);
    assert.equal(diagnostics.filter((d) => d.code === 'invalid-front-matter').length, 1, messages(diagnostics));
  });

  test('shutdown_ThenExit_ExitCodeZero', async () => {
    // Last: node:test runs the tests of a suite in order.
    assert.equal(await session.shutdown(), 0);
  });
});

describe('the bundled server answers as the untrimmed build does', { timeout: 120_000 }, () => {
  test('diagnostics_PushedToAClientThatDoesNotPull_SameAsTheDllBuild', async () => {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'speclsp-published-'));
    fs.writeFileSync(path.join(workspace, 'front-matter.md'), frontMatterSpec);
    const files = [...fs.readdirSync(examples).filter((f) => f.endsWith('.md')).map((f) => path.join(examples, f)), path.join(workspace, 'front-matter.md')];
    const answers: string[] = [];
    try {
      for (const launch of [bundledServerLaunch(), builtServerLaunch()]) {
        const session = await LspSession.start(workspace, launch, { pullDiagnostics: false });
        try {
          const perFile: string[] = [];
          for (const file of files) {
            const doc = await session.open(file);
            const symbols = (await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: doc.uri } })) as DocumentSymbol[];
            const diagnostics = await session.diagnostics(doc.uri);
            perFile.push(`${path.basename(file)}\n${symbolNames(symbols).join('\n')}\n${codes(diagnostics).join('\n')}`);
          }
          assert.equal(await session.shutdown(), 0);
          answers.push(perFile.join('\n\n'));
        } finally {
          session.kill();
        }
      }
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
    assert.ok(answers[0]!.includes('missing-section'), answers[0]);
    assert.equal(answers[0], answers[1]);
  });

  test('check_Examples_SameJsonReportAsTheDllBuild', async () => {
    const bundled = bundledServerLaunch();
    const built = builtServerLaunch();
    const trimmed = await run(bundled.command, ['check', 'examples', '--format', 'json'], repoRoot);
    const untrimmed = await run(built.command, [...built.args.slice(0, -1), 'check', 'examples', '--format', 'json'], repoRoot);
    assert.equal(trimmed.code, 1, trimmed.stderr);
    assert.equal(trimmed.stdout, untrimmed.stdout);
    assert.ok(JSON.parse(trimmed.stdout), trimmed.stdout);
  });

  test('version_BundledServer_SameAsTheDllBuild', async () => {
    const built = builtServerLaunch();
    const trimmed = await run(bundledServerLaunch().command, ['--version'], repoRoot);
    const untrimmed = await run(built.command, [...built.args.slice(0, -1), '--version'], repoRoot);
    assert.equal(trimmed.code, 0);
    assert.match(trimmed.stdout, /^speclsp \d+\.\d+\.\d+/);
    assert.equal(trimmed.stdout, untrimmed.stdout);
  });
});
