import * as vscode from 'vscode';
import {
  CodeAction,
  CodeActionRequest,
  CodeActionResolveRequest,
  CodeActionTriggerKind,
  LanguageClient,
  Location as LspLocation,
  Position as LspPosition,
} from 'vscode-languageclient/node';
import { FALLBACK_TEMPLATES, fileNameForTitle, INSERT_MISSING_SECTIONS_KIND, newSpecResultUri, SHOW_REFERENCES_COMMAND, TABLE_OF_CONTENTS_KIND, TemplateInfo } from './protocol';

export interface CommandHost {
  output: vscode.LogOutputChannel;
  getClient(): LanguageClient | undefined;
  restart(): Promise<void>;
}

export function registerCommands(context: vscode.ExtensionContext, host: CommandHost): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('speclsp.newSpec', () => withClient(host, (client) => newSpec(client, host.output))),
    vscode.commands.registerCommand('speclsp.insertMissingSections', () => withClient(host, insertMissingSections)),
    vscode.commands.registerCommand('speclsp.insertTableOfContents', () => withClient(host, insertTableOfContents)),
    vscode.commands.registerCommand('speclsp.restartServer', () => host.restart()),
    vscode.commands.registerCommand('speclsp.showOutput', () => host.output.show(true)),
    // A references lens: the server's LSP uri, position and locations, shown in VS Code's references peek.
    vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, (uri: string, position: LspPosition, locations: LspLocation[]) =>
      withClient(host, async (client) => {
        const convert = client.protocol2CodeConverter;
        await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), convert.asPosition(position), locations.map((l) => convert.asLocation(l)));
      })),
  );
}

async function withClient(host: CommandHost, run: (client: LanguageClient) => Promise<void>): Promise<void> {
  const client = host.getClient();
  if (client === undefined || !client.isRunning()) {
    void vscode.window.showErrorMessage('The SpecLsp server is not running. See "SpecLsp: Show Output".');
    return;
  }
  try {
    await run(client);
  } catch (error) {
    void vscode.window.showErrorMessage(`SpecLsp: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function newSpec(client: LanguageClient, output: vscode.LogOutputChannel): Promise<void> {
  const templates = await listTemplates(client, output);
  const picked = await vscode.window.showQuickPick(
    templates.map((t) => ({ label: t.name, description: t.description })),
    { title: 'New Spec from Template', placeHolder: 'Template' },
  );
  if (picked === undefined) {
    return;
  }
  const title = await vscode.window.showInputBox({ title: 'New Spec from Template', prompt: 'Title of the spec', placeHolder: 'CSV Export' });
  if (!title) {
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: 'New spec file',
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileNameForTitle(title)) : undefined,
    filters: { Markdown: ['md'] },
  });
  if (target === undefined) {
    return;
  }
  const result: unknown = await client.sendRequest('speclsp/newSpec', {
    templateName: picked.label,
    title,
    uri: client.code2ProtocolConverter.asUri(target),
  });
  const created = newSpecResultUri(result) ?? client.code2ProtocolConverter.asUri(target);
  await vscode.window.showTextDocument(client.protocol2CodeConverter.asUri(created));
}

async function listTemplates(client: LanguageClient, output: vscode.LogOutputChannel): Promise<TemplateInfo[]> {
  try {
    const templates = await client.sendRequest<TemplateInfo[] | null>('speclsp/listTemplates', {});
    if (Array.isArray(templates) && templates.length > 0) {
      return templates;
    }
  } catch (error) {
    output.appendLine(`speclsp/listTemplates failed (${String(error)}); offering the built-in templates.`);
  }
  return FALLBACK_TEMPLATES;
}

function insertMissingSections(client: LanguageClient): Promise<void> {
  return runSourceAction(client, INSERT_MISSING_SECTIONS_KIND, 'SpecLsp: no missing sections in this spec.', false);
}

function insertTableOfContents(client: LanguageClient): Promise<void> {
  return runSourceAction(client, TABLE_OF_CONTENTS_KIND, 'SpecLsp: the table of contents is up to date (or the spec has no sections).', true);
}

// Asks the server for its one source action of `kind` (over the whole document, or at the caret) and applies it.
async function runSourceAction(client: LanguageClient, kind: string, none: string, atCaret: boolean): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Open a spec (a Markdown file) first.');
    return;
  }
  const document = editor.document;
  const c2p = client.code2ProtocolConverter;
  const ours = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'speclsp');
  const actions = await client.sendRequest(CodeActionRequest.type, {
    textDocument: c2p.asTextDocumentIdentifier(document),
    range: c2p.asRange(atCaret ? new vscode.Range(editor.selection.active, editor.selection.active) : new vscode.Range(0, 0, document.lineCount, 0)),
    context: {
      diagnostics: await c2p.asDiagnostics(ours),
      only: [kind],
      triggerKind: CodeActionTriggerKind.Invoked,
    },
  });
  let action = actions?.find((a): a is CodeAction => CodeAction.is(a) && a.kind?.startsWith(kind) === true);
  if (action === undefined) {
    void vscode.window.showInformationMessage(none);
    return;
  }
  if (action.edit === undefined && action.data !== undefined) {
    action = await client.sendRequest(CodeActionResolveRequest.type, action);
  }
  if (action.edit !== undefined) {
    const edit = await client.protocol2CodeConverter.asWorkspaceEdit(action.edit);
    if (!(await vscode.workspace.applyEdit(edit))) {
      throw new Error('the edit could not be applied (was the document changed meanwhile?)');
    }
  }
  if (action.command !== undefined) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
}
