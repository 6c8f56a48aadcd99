import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, LanguageClient, LanguageClientOptions } from 'vscode-languageclient/node';
import { createClientOptions } from './clientOptions';
import { SHOW_REFERENCES_COMMAND, withClientCommands } from './protocol';
import { registerCommands } from './commands';
import { showStartProblem } from './messages';
import { checkRuntime, locateServer } from './serverLocation';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('SpecLsp', { log: true });
  context.subscriptions.push(output);
  const clientOptions = createClientOptions(output);
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
  if (!located.ok) {
    return notStarted(output, located.message);
  }
  const missingRuntime = await checkRuntime(located.launch);
  if (missingRuntime !== undefined) {
    return notStarted(output, missingRuntime);
  }
  const { command, args, source } = located.launch;
  output.info(`Starting ${command} ${args.join(' ')} (server from ${source})`);
  const started = new LanguageClient('speclsp', 'SpecLsp', { command, args }, clientOptions);
  // The references lens's command is ours (commands.ts): say so, so the server does not ask the client to register it.
  started.registerFeature({
    fillClientCapabilities: (capabilities) => Object.assign(capabilities, withClientCommands(capabilities, [SHOW_REFERENCES_COMMAND])),
    initialize: () => undefined,
    getState: () => ({ kind: 'static' }),
    clear: () => undefined,
  });
  // On failure the client has already reported it in the output and a notification.
  await started.start().catch((error: unknown) => output.error(`The server did not start: ${String(error)}`));
  return started;
}

function notStarted(output: vscode.LogOutputChannel, message: string): undefined {
  output.error(message);
  void showStartProblem(message);
  return undefined;
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.isRunning()) {
    await running.stop();
  }
  await running?.dispose();
}
