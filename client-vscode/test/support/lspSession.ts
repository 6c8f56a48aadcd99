// Starts the SpecLsp server the way the extension does (same locateServer/checkRuntime, same command
// line) and speaks to it with Microsoft's client libraries, playing VS Code's part.
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ClientCapabilities,
  createProtocolConnection,
  Diagnostic,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  InitializeRequest,
  InitializeResult,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { serverSettings } from '../../src/protocol';
import { checkRuntime, locateServer, ServerLaunch } from '../../src/serverLocation';

export const clientRoot = path.resolve(__dirname, '..', '..', '..');
export const repoRoot = path.resolve(clientRoot, '..');
export const fixtures = path.join(clientRoot, 'test', 'fixtures');

/**
 * The server `dotnet build` wrote (the newest of Release and Debug), handed over through SPECLSP_SERVER_PATH as a
 * developer does, so the extension starts it with dotnet. SPECLSP_SERVER_PATH already set wins.
 */
export function builtServerLaunch(): ServerLaunch {
  const env: Record<string, string | undefined> = { ...process.env };
  if (!env.SPECLSP_SERVER_PATH) {
    const built = ['Release', 'Debug']
      .map((config) => path.join(repoRoot, 'server', 'SpecLsp.Server', 'bin', config, 'net10.0', 'speclsp.dll'))
      .filter((dll) => fs.existsSync(dll))
      .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
    if (built[0] === undefined) {
      throw new Error('No built server: run npm run build first.');
    }
    env.SPECLSP_SERVER_PATH = built[0];
  }
  return located(env);
}

/**
 * The server `npm run package:server` published into client-vscode/server (self-contained, trimmed), found and
 * started exactly as the extension starts its bundled server: no setting, no environment variable, no dotnet.
 */
export function bundledServerLaunch(): ServerLaunch {
  return located({});
}

function located(env: Record<string, string | undefined>): ServerLaunch {
  const result = locateServer({ env, extensionPath: clientRoot, fileExists: (file) => fs.existsSync(file) });
  if (!result.ok) {
    throw new Error(`${result.message} Build the server first: npm run build (or npm run package:server for the bundled one).`);
  }
  return result.launch;
}

/** What VS Code answers to workspace/configuration: the defaults declared in package.json. */
export function defaultSettings(): Record<string, unknown> {
  const manifest = JSON.parse(fs.readFileSync(path.join(clientRoot, 'package.json'), 'utf8'));
  const settings: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries<{ default?: unknown }>(manifest.contributes.configuration.properties)) {
    const parts = key.split('.').slice(1);
    let node = settings;
    for (const part of parts.slice(0, -1)) {
      node = (node[part] ??= {}) as Record<string, unknown>;
    }
    node[parts[parts.length - 1]!] = schema.default;
  }
  return settings;
}

export class LspSession {
  readonly documents = new Map<string, TextDocument>();
  readonly log: string[] = [];
  initializeResult!: InitializeResult;
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly publishWaiters: Array<() => void> = [];

  private constructor(
    readonly launch: ServerLaunch,
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    readonly workspace: string,
  ) {}

  /** `pullDiagnostics: false` plays a client that only takes pushed diagnostics (Neovim 0.7) instead of VS Code. */
  static async start(workspace: string, launch: ServerLaunch = builtServerLaunch(), options: { pullDiagnostics?: boolean } = {}): Promise<LspSession> {
    const runtimeProblem = await checkRuntime(launch);
    if (runtimeProblem !== undefined) {
      throw new Error(runtimeProblem);
    }
    const child = spawn(launch.command, launch.args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(launch, child, connection, workspace);
    child.stderr!.on('data', (chunk: Buffer) => {
      session.log.push(`stderr: ${chunk.toString().trimEnd()}`);
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      session.log.push(params.message);
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      session.published.set(params.uri, params);
      session.publishWaiters.splice(0).forEach((wake) => wake());
    });
    // VS Code's answer (the package.json defaults) through the extension's configuration middleware.
    connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map((item) => (item.section === 'speclsp' ? serverSettings(defaultSettings()) : null)),
    );
    const acceptedAsVsCodeDoes = [
      'client/registerCapability',
      'client/unregisterCapability',
      'window/workDoneProgress/create',
      'workspace/diagnostic/refresh',
      'workspace/codeLens/refresh',
      'workspace/semanticTokens/refresh',
      'workspace/inlayHint/refresh',
    ];
    for (const method of acceptedAsVsCodeDoes) {
      connection.onRequest(method, () => null);
    }
    connection.listen();

    const capabilities = JSON.parse(fs.readFileSync(path.join(fixtures, 'vscode-capabilities.json'), 'utf8')) as ClientCapabilities;
    if (options.pullDiagnostics === false) {
      delete capabilities.textDocument?.diagnostic;
    }
    const rootUri = pathToFileURL(workspace).href;
    const exitedEarly = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`the server exited (code ${code}) before answering initialize:\n${session.log.join('\n')}`))),
    );
    exitedEarly.catch(() => undefined);
    session.initializeResult = await Promise.race([exitedEarly, connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: 'Visual Studio Code', version: '1.139.1' },
      locale: 'en',
      rootPath: workspace,
      rootUri,
      capabilities,
      trace: 'off',
      workspaceFolders: [{ uri: rootUri, name: path.basename(workspace) }],
    })]);
    await connection.sendNotification('initialized', {});
    return session;
  }

  async open(file: string): Promise<TextDocument> {
    const uri = pathToFileURL(file).href;
    const document = TextDocument.create(uri, 'markdown', 1, fs.readFileSync(file, 'utf8'));
    this.documents.set(uri, document);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text: document.getText() },
    });
    return document;
  }

  /** Applies edits here and sends them as VS Code does: one incremental change per edit, last first. */
  async edit(uri: string, edits: TextEdit[]): Promise<TextDocument> {
    const before = this.documents.get(uri)!;
    const sorted = [...edits].sort((a, b) => before.offsetAt(b.range.start) - before.offsetAt(a.range.start));
    const after = TextDocument.update(TextDocument.create(uri, 'markdown', before.version, before.getText()), sorted.map((e) => ({ range: e.range, text: e.newText })), before.version + 1);
    this.documents.set(uri, after);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: after.version },
      contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })),
    });
    return after;
  }

  async applyWorkspaceEdit(edit: WorkspaceEdit): Promise<void> {
    for (const change of edit.documentChanges ?? []) {
      if (!('textDocument' in change)) {
        throw new Error(`unexpected resource operation ${JSON.stringify(change)}`);
      }
      await this.edit(change.textDocument.uri, change.edits.map((e) => ('snippet' in e ? { range: e.range, newText: e.snippet.value } : e)));
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      await this.edit(uri, edits);
    }
  }

  /** The document's current diagnostics: pulled when the server offers pull (VS Code pulls then), else pushed. */
  async diagnostics(uri: string, timeoutMs = 20_000): Promise<Diagnostic[]> {
    const version = this.documents.get(uri)!.version;
    if (this.initializeResult.capabilities.diagnosticProvider !== undefined) {
      const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      if (report.kind !== DocumentDiagnosticReportKind.Full) {
        throw new Error('expected a full report without a previousResultId');
      }
      return report.items;
    }
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const latest = this.published.get(uri);
      if (latest !== undefined && (latest.version === undefined || latest.version === version)) {
        return latest.diagnostics;
      }
      if (Date.now() > deadline) {
        throw new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms\n${this.log.join('\n')}`);
      }
      await new Promise<void>((resolve) => {
        this.publishWaiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** shutdown, exit and end of input as VS Code does; the exit code, or 'killed' when the server still ran after 10 s. */
  async shutdown(): Promise<number | null | 'killed'> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    // vscode-languageclient then ends the connection, which closes the server's stdin.
    this.connection.end();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'killed'>((resolve) => {
      timer = setTimeout(() => {
        this.process.kill('SIGKILL');
        resolve('killed');
      }, 10_000);
    });
    const code = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }

  /** Ends the server whatever state it is in (test clean-up). */
  kill(): void {
    if (this.process.exitCode === null) {
      this.process.kill('SIGKILL');
    }
    this.connection.dispose();
  }
}
