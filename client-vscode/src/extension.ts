import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, LanguageClient, LanguageClientOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { showStartProblem } from './messages';
import { serverSettings } from './protocol';
import { serverStdio } from './serverOutput';
import { checkRuntime, locateServer } from './serverLocation';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('SpecLsp', { log: true });
  context.subscriptions.push(output);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    outputChannel: output,
    stdioOptions: serverStdio,
    // No synchronize options: the server registers its own file watchers and pulls its settings.
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const answer = await next(params, token);
          return Array.isArray(answer) ? answer.map((value, i) => (params.items[i]?.section === 'speclsp' ? serverSettings(value) : value)) : answer;
        },
      },
      // VS Code's built-in Markdown extension already provides the outline, breadcrumbs and heading
      // folding; ours would show as a second, near-identical outline. Other editors still get both.
      provideDocumentSymbols: () => undefined,
      provideFoldingRanges: () => undefined,
      // Its workspace symbols list every heading too; only the requirement/test IDs (Key) are ours alone.
      provideWorkspaceSymbols: async (query, token, next) =>
        (await next(query, token))?.filter((symbol) => symbol.kind === vscode.SymbolKind.Key),
    },
  };
  const start = async (): Promise<void> => {
    client = await startClient(context.extensionPath, clientOptions, output);
  };
  const restart = async (): Promise<void> => {
    await stopClient();
    await start();
  };
  registerCommands(context, { output, getClient: () => client, restart });
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((change) => {
      if (change.affectsConfiguration('speclsp.server.path') || change.affectsConfiguration('speclsp.dotnet.path')) {
        void restart();
      } else if (change.affectsConfiguration('speclsp') && client?.isRunning()) {
        // Null settings: the server pulls the section again through workspace/configuration.
        void client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      }
    }),
  );
  await start();
}

export function deactivate(): Promise<void> {
  return stopClient();
}

async function startClient(extensionPath: string, clientOptions: LanguageClientOptions, output: vscode.LogOutputChannel): Promise<LanguageClient | undefined> {
  const settings = vscode.workspace.getConfiguration('speclsp');
  const located = locateServer({
    env: process.env,
    serverPathSetting: settings.get<string>('server.path'),
    dotnetPathSetting: settings.get<string>('dotnet.path'),
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    extensionPath,
    fileExists: (file) => fs.existsSync(file),
  });
  const problem = located.ok ? await checkRuntime(located.launch) : located.message;
  if (problem !== undefined || !located.ok) {
    output.error(problem ?? 'no server');
    void showStartProblem(problem ?? 'no server');
    return undefined;
  }
  const { command, args, source } = located.launch;
  output.info(`Starting ${command} ${args.join(' ')} (server from ${source})`);
  const started = new LanguageClient('speclsp', 'SpecLsp', { command, args }, clientOptions);
  // On failure the client has already reported it in the output and a notification.
  await started.start().catch((error: unknown) => output.error(`The server did not start: ${String(error)}`));
  return started;
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.isRunning()) {
    await running.stop();
  }
  await running?.dispose();
}
