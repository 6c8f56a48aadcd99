// Where the SpecLsp server is and how to start it. No `vscode` import: the extension and the
// end-to-end test share this module, so both start the server with the same command line.
import * as path from 'node:path';
import { execFile } from 'node:child_process';

/** The .NET runtime major version the server is built for. */
export const REQUIRED_DOTNET_MAJOR = 10;
export const DOTNET_DOWNLOAD_URL = 'https://dotnet.microsoft.com/download/dotnet/10.0';
export const SERVER_PATH_ENV = 'SPECLSP_SERVER_PATH';
/**
 * Where `npm run package` publishes the server inside the extension: a self-contained executable for the
 * platform the .vsix is built for, started directly (no .NET runtime needed).
 */
export function bundledServer(platform: NodeJS.Platform = process.platform): string {
  return path.join('server', platform === 'win32' ? 'speclsp.exe' : 'speclsp');
}
/** Arguments after the server path: serve LSP on stdio. */
export const SERVER_ARGS: readonly string[] = ['lsp'];

export interface LocationInputs {
  env: Readonly<Record<string, string | undefined>>;
  /** `speclsp.server.path`; empty means unset. */
  serverPathSetting?: string;
  /** `speclsp.dotnet.path`; empty means unset. */
  dotnetPathSetting?: string;
  /** Relative setting paths are taken from here (the first workspace folder). */
  workspaceFolder?: string;
  extensionPath: string;
  fileExists: (file: string) => boolean;
  /** The platform whose bundled executable to look for; the running one by default. */
  platform?: NodeJS.Platform;
}

export type ServerSource = 'environment' | 'setting' | 'bundled';

export interface ServerLaunch {
  command: string;
  args: string[];
  source: ServerSource;
  serverPath: string;
  /** The `dotnet` that must carry a .NET 10 runtime; undefined when the server is an executable. */
  dotnet?: string;
}

export type LocationResult = { ok: true; launch: ServerLaunch } | { ok: false; message: string };

export function locateServer(inputs: LocationInputs): LocationResult {
  const fromEnv = inputs.env[SERVER_PATH_ENV]?.trim();
  const fromSetting = inputs.serverPathSetting?.trim();
  let source: ServerSource;
  let serverPath: string;
  if (fromEnv) {
    source = 'environment';
    serverPath = path.resolve(fromEnv);
  } else if (fromSetting) {
    source = 'setting';
    serverPath = resolveSettingPath(fromSetting, inputs.workspaceFolder, inputs.env);
  } else {
    source = 'bundled';
    serverPath = path.join(inputs.extensionPath, bundledServer(inputs.platform));
  }

  if (!inputs.fileExists(serverPath)) {
    const origin =
      source === 'environment' ? `The ${SERVER_PATH_ENV} environment variable points to`
      : source === 'setting' ? 'The speclsp.server.path setting points to'
      : 'The server bundled with the extension should be at';
    return { ok: false, message: `${origin} ${serverPath}, which does not exist.` };
  }

  // Only a .dll needs dotnet (and so the .NET runtime); anything else is an executable started as it is.
  if (!serverPath.toLowerCase().endsWith('.dll')) {
    return { ok: true, launch: { command: serverPath, args: [...SERVER_ARGS], source, serverPath } };
  }
  const dotnetSetting = inputs.dotnetPathSetting?.trim();
  const dotnet = dotnetSetting ? resolveSettingPath(dotnetSetting, inputs.workspaceFolder, inputs.env) : 'dotnet';
  return { ok: true, launch: { command: dotnet, args: [serverPath, ...SERVER_ARGS], source, serverPath, dotnet } };
}

function resolveSettingPath(value: string, workspaceFolder: string | undefined, env: LocationInputs['env']): string {
  const home = env.HOME ?? env.USERPROFILE;
  if (home && (value === '~' || value.startsWith('~/'))) {
    value = path.join(home, value.slice(1));
  }
  if (path.isAbsolute(value) || !workspaceFolder) {
    return path.resolve(value);
  }
  return path.resolve(workspaceFolder, value);
}

/** True when `dotnet --list-runtimes` shows a Microsoft.NETCore.App the server can run on. */
export function hasRequiredRuntime(listRuntimesOutput: string): boolean {
  // Lines look like "Microsoft.NETCore.App 10.0.1 [/usr/share/dotnet/shared/Microsoft.NETCore.App]".
  // Only major 10 counts: without a roll-forward policy a net10.0 app does not start on 11.
  const pattern = /^Microsoft\.NETCore\.App (\d+)\.\d+\.\d+/gm;
  for (const match of listRuntimesOutput.matchAll(pattern)) {
    if (Number(match[1]) === REQUIRED_DOTNET_MAJOR) {
      return true;
    }
  }
  return false;
}

export function missingRuntimeMessage(dotnet: string, detail: string): string {
  return (
    `SpecLsp needs the .NET ${REQUIRED_DOTNET_MAJOR} runtime, and ${detail} (dotnet: "${dotnet}"). ` +
    `Install .NET ${REQUIRED_DOTNET_MAJOR} from ${DOTNET_DOWNLOAD_URL} (the ".NET Runtime" is enough), ` +
    'or set speclsp.dotnet.path to your dotnet executable, then run "SpecLsp: Restart Server".'
  );
}

export type ExecFn = (command: string, args: string[]) => Promise<{ stdout: string }>;

const execWithTimeout: ExecFn = (command, args) =>
  new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 15_000 }, (error, stdout) => (error ? reject(error) : resolve({ stdout })));
  });

/**
 * Checks before start-up that a `.dll` server can run, so a missing runtime gives one message
 * instead of the client's stack of "server crashed" errors. Resolves to undefined when all is well.
 */
export async function checkRuntime(launch: ServerLaunch, exec: ExecFn = execWithTimeout): Promise<string | undefined> {
  if (launch.dotnet === undefined) {
    return undefined;
  }
  let stdout: string;
  try {
    ({ stdout } = await exec(launch.dotnet, ['--list-runtimes']));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail = code === 'ENOENT' || code === 'EACCES' ? 'no dotnet executable was found' : `"dotnet --list-runtimes" failed`;
    return missingRuntimeMessage(launch.dotnet, detail);
  }
  return hasRequiredRuntime(stdout) ? undefined : missingRuntimeMessage(launch.dotnet, 'none is installed');
}
