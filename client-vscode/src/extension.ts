import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { checkRuntime, DOTNET_DOWNLOAD_URL, locateServer } from './serverLocation';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('SpecLsp', { log: true });
  context.subscriptions.push(output);
  const restart = async (): Promise<void> => {
    await stopClient();
    client = await startClient(context, output);
  };
  registerCommands(context, { output, getClient: () => client, restart });
  client = await startClient(context, output);
}

export function deactivate(): Promise<void> {
  return stopClient();
}

async function startClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<LanguageClient | undefined> {
  const settings = vscode.workspace.getConfiguration('speclsp');
  const located = locateServer({
    env: process.env,
    serverPathSetting: settings.get<string>('server.path'),
    dotnetPathSetting: settings.get<string>('dotnet.path'),
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    extensionPath: context.extensionPath,
    fileExists: (file) => fs.existsSync(file),
  });
  if (!located.ok) {
    return reportStartProblem(output, located.message);
  }
  const { launch } = located;
  const missingRuntime = await checkRuntime(launch);
  if (missingRuntime !== undefined) {
    return reportStartProblem(output, missingRuntime);
  }
  output.appendLine(`Starting ${launch.command} ${launch.args.join(' ')} (server from ${launch.source})`);

  const serverOptions: ServerOptions = { command: launch.command, args: launch.args };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    outputChannel: output,
    synchronize: {
      configurationSection: 'speclsp',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.speclsp.yaml'),
    },
    middleware: {
      // VS Code's built-in Markdown extension already provides the outline, breadcrumbs and heading
      // folding; ours would show as a second, near-identical outline. Other editors still get both.
      provideDocumentSymbols: () => undefined,
      provideFoldingRanges: () => undefined,
    },
  };
  const started = new LanguageClient('speclsp', 'SpecLsp', serverOptions, clientOptions);
  try {
    await started.start();
  } catch (error) {
    output.appendLine(`The server did not start: ${String(error)}`);
    void vscode.window.showErrorMessage('The SpecLsp server did not start. See "SpecLsp: Show Output".');
  }
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

function reportStartProblem(output: vscode.LogOutputChannel, message: string): undefined {
  output.appendLine(message);
  void showStartProblem(message);
  return undefined;
}

async function showStartProblem(message: string): Promise<void> {
  const needsDotnet = message.includes(DOTNET_DOWNLOAD_URL);
  const choice = await vscode.window.showErrorMessage(message, ...(needsDotnet ? ['Download .NET 10', 'Open Settings'] : ['Open Settings']));
  if (choice === 'Download .NET 10') {
    await vscode.env.openExternal(vscode.Uri.parse(DOTNET_DOWNLOAD_URL));
  } else if (choice === 'Open Settings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'speclsp');
  }
}
