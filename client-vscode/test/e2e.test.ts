import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeAction,
  CodeActionRequest,
  CompletionItem,
  CompletionList,
  CompletionRequest,
  Diagnostic,
  DocumentSymbol,
  DocumentSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import { fileNameForTitle, INSERT_MISSING_SECTIONS_KIND, newSpecResultUri } from '../src/protocol';
import { fixtures, LspSession } from './support/lspSession';

function dumpSymbols(symbols: DocumentSymbol[], depth: number, indent = ''): string {
  return symbols
    .map((s) => `${indent}${s.name}\n${depth > 1 ? dumpSymbols(s.children ?? [], depth - 1, `${indent}  `) : ''}`)
    .join('');
}

function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function dumpDiagnostics(diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => `${d.source} ${String(d.code)} ${d.range.start.line}: ${messageOf(d)}`).join('\n');
}

describe('a speclsp.dll build started as the extension starts a configured dll', { timeout: 120_000 }, () => {
  let session: LspSession;
  let workspace: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'speclsp-e2e-'));
    for (const name of fs.readdirSync(fixtures).filter((f) => f.endsWith('.md'))) {
      fs.copyFileSync(path.join(fixtures, name), path.join(workspace, name));
    }
    session = await LspSession.start(workspace);
  });

  after(() => {
    session?.kill();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  test('launch_ConfiguredDll_RunsItWithDotnetAndLsp', () => {
    assert.equal(session.launch.command, 'dotnet');
    assert.deepEqual(session.launch.args.slice(1), ['lsp']);
    assert.match(session.launch.args[0]!, /speclsp\.dll$/);
  });

  test('initialize_VsCodeCapabilities_AnnouncesIncrementalSync', () => {
    const sync = session.initializeResult.capabilities.textDocumentSync;
    const kind = typeof sync === 'number' ? sync : sync?.change;
    assert.equal(kind, 2, `textDocumentSync: ${JSON.stringify(sync)}`);
    assert.equal(session.initializeResult.serverInfo?.name, 'speclsp');
  });

  test('documentSymbol_Spec_GivesSectionTree', async () => {
    const doc = await session.open(path.join(workspace, 'csv-export.md'));
    const symbols = (await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: doc.uri } })) as DocumentSymbol[];
    assert.equal(
      dumpSymbols(symbols, 2),
      [
        'Feature Specification: CSV Export',
        '  Overview',
        '  Requirements',
        '  Technical Design',
        '  Implementation Plan',
        '  Documentation',
        '  Rollout Plan',
        '  Metrics and Monitoring',
        '  Open Questions',
        '  Status',
        '  Changelog',
        '',
      ].join('\n'),
    );
  });

  test('diagnostics_InvalidFrontMatter_Reported', async () => {
    const file = path.join(workspace, 'broken-front-matter.md');
    fs.writeFileSync(file, '---\ntitle: [unclosed\n---\n# Feature Specification: Broken\n\n## Overview\n\nText.\n');
    const doc = await session.open(file);
    const found = (await session.diagnostics(doc.uri)).filter((d) => d.code === 'invalid-front-matter');
    assert.equal(found.length, 1, dumpDiagnostics(found));
    assert.ok(found[0]!.range.start.line <= 2, dumpDiagnostics(found));
  });

  test('diagnostics_PlainMarkdown_None', async () => {
    const doc = await session.open(path.join(workspace, 'notes.md'));
    assert.equal(dumpDiagnostics(await session.diagnostics(doc.uri)), '');
  });

  test('shutdown_ThenExit_ExitCodeZero', async () => {
    // Last: node:test runs the tests of a suite in order.
    assert.equal(await session.shutdown(), 0);
  });
});

describe('templates through the extension launch', { timeout: 120_000 }, () => {
  let session: LspSession;
  let workspace: string;
  let uri: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'speclsp-e2e-'));
    fs.copyFileSync(path.join(fixtures, 'csv-export.md'), path.join(workspace, 'csv-export.md'));
    session = await LspSession.start(workspace);
    uri = (await session.open(path.join(workspace, 'csv-export.md'))).uri;
  });

  after(() => {
    session?.kill();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  test('diagnostics_SpecWithoutTestingStrategy_OneMissingSection', async () => {
    const diagnostics = await session.diagnostics(uri);
    const missing = diagnostics.filter((d) => d.code === 'missing-section');
    assert.equal(missing.length, 1, dumpDiagnostics(diagnostics));
    assert.equal(missing[0]!.source, 'speclsp');
    assert.match(messageOf(missing[0]!), /Testing Strategy/);
  });

  test('completion_NewH2AtEnd_OffersMissingSectionOnly', async () => {
    const doc = session.documents.get(uri)!;
    const end = doc.positionAt(doc.getText().length);
    const typed = await session.edit(uri, [{ range: { start: end, end }, newText: '\n## ' }]);
    const caret = typed.positionAt(typed.getText().length);
    const result = await session.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: caret,
      context: { triggerKind: 1 },
    });
    const items: CompletionItem[] = Array.isArray(result) ? result : (result as CompletionList | null)?.items ?? [];
    const labels = items.map((i) => i.label);
    assert.ok(labels.some((l) => l.includes('Testing Strategy')), `labels: ${labels.join(', ')}`);
    assert.ok(!labels.some((l) => l.includes('Overview')), `present sections offered again: ${labels.join(', ')}`);
    // Undo the typing so the next tests see the fixture.
    const now = session.documents.get(uri)!;
    await session.edit(uri, [{ range: { start: end, end: now.positionAt(now.getText().length) }, newText: '' }]);
  });

  test('codeAction_MissingSectionQuickFix_InsertsItInTemplateOrder', async () => {
    const missing = (await session.diagnostics(uri)).filter((d) => d.code === 'missing-section');
    assert.equal(missing.length, 1, dumpDiagnostics(missing));
    const actions = (await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: missing[0]!.range,
      context: { diagnostics: missing, only: ['quickfix'], triggerKind: 1 },
    })) ?? [];
    const fix = actions.find((a): a is CodeAction => CodeAction.is(a) && a.title.includes('Testing Strategy'));
    assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join(', ')}`);
    await session.applyWorkspaceEdit(fix.edit);

    const text = session.documents.get(uri)!.getText();
    const order = ['## Implementation Plan', '## Testing Strategy', '## Documentation'].map((h) => text.indexOf(`\n${h}\n`));
    assert.ok(order[0]! > 0 && order[0]! < order[1]! && order[1]! < order[2]!, `heading offsets ${order.join(', ')}`);
    const after = await session.diagnostics(uri);
    assert.equal(after.filter((d) => d.code === 'missing-section').length, 0, dumpDiagnostics(after));
  });

  test('newSpec_RequestAsTheCommandSendsIt_WritesSpecAndReturnsItsUri', async () => {
    const target = pathToFileURL(path.join(workspace, 'specs', fileNameForTitle('Audit Trail'))).href;
    const result: unknown = await session.connection.sendRequest('speclsp/newSpec', { templateName: 'lightweight', title: 'Audit Trail', uri: target });
    assert.equal(newSpecResultUri(result), target);
    const written = fs.readFileSync(path.join(workspace, 'specs', 'audit-trail.md'), 'utf8');
    assert.equal(written.split('\n')[0], '# Feature Specification: Audit Trail');
    await assert.rejects(
      session.connection.sendRequest('speclsp/newSpec', { templateName: 'lightweight', title: 'Again', uri: target }),
      /already exists/,
    );
  });

  test('codeAction_InsertAllMissingSections_SourceActionOffered', async () => {
    const file = path.join(workspace, 'bare.md');
    fs.writeFileSync(file, '---\ntemplate: lightweight\n---\n# Feature Specification: Bare\n\n## Overview\n\nOnly an overview so far.\n');
    const bare = await session.open(file);
    const actions = (await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: bare.uri },
      range: { start: { line: 0, character: 0 }, end: bare.positionAt(bare.getText().length) },
      context: { diagnostics: [], only: [INSERT_MISSING_SECTIONS_KIND], triggerKind: 1 },
    })) ?? [];
    const all = actions.find((a): a is CodeAction => CodeAction.is(a) && a.kind === INSERT_MISSING_SECTIONS_KIND);
    assert.ok(all?.edit, `actions: ${JSON.stringify(actions)}`);
    await session.applyWorkspaceEdit(all.edit);
    const after = await session.diagnostics(bare.uri);
    assert.equal(after.filter((d) => d.code === 'missing-section').length, 0, dumpDiagnostics(after));
    assert.ok(session.documents.get(bare.uri)!.getText().includes('\n## Rollout Plan\n'));
  });
});
