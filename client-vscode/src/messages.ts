import * as vscode from 'vscode';
import { DOTNET_DOWNLOAD_URL } from './serverLocation';

/** The one message shown when the server cannot be started, with the buttons that fix it. */
export async function showStartProblem(message: string): Promise<void> {
  const actions = message.includes(DOTNET_DOWNLOAD_URL) ? ['Download .NET 10', 'Open Settings'] : ['Open Settings'];
  const choice = await vscode.window.showErrorMessage(message, ...actions);
  if (choice === 'Download .NET 10') {
    await vscode.env.openExternal(vscode.Uri.parse(DOTNET_DOWNLOAD_URL));
  } else if (choice === 'Open Settings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'speclsp');
  }
}
