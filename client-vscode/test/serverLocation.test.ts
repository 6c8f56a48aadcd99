import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import {
  checkRuntime,
  DOTNET_DOWNLOAD_URL,
  ExecFn,
  hasRequiredRuntime,
  LocationInputs,
  locateServer,
  LocationResult,
  ServerLaunch,
} from '../src/serverLocation';

const extensionPath = path.resolve('/ext/speclsp-0.1.0');
const bundled = path.join(extensionPath, 'server', process.platform === 'win32' ? 'speclsp.exe' : 'speclsp');
const userDll = path.resolve('/opt/speclsp/speclsp.dll');

function inputs(overrides: Partial<LocationInputs>, existing: string[] = [bundled]): LocationInputs {
  return {
    env: {},
    extensionPath,
    fileExists: (file) => existing.includes(file),
    ...overrides,
  };
}

function launchOf(result: LocationResult): ServerLaunch {
  assert.ok(result.ok, `expected a launch, got: ${result.ok ? '' : result.message}`);
  return result.launch;
}

function commandLine(launch: ServerLaunch): string {
  return [launch.command, ...launch.args].join(' ');
}

describe('locateServer', () => {
  test('locateServer_NothingConfigured_RunsBundledExecutableDirectly', () => {
    const launch = launchOf(locateServer(inputs({})));
    assert.equal(launch.source, 'bundled');
    assert.equal(commandLine(launch), `${bundled} lsp`);
    assert.equal(launch.dotnet, undefined);
  });

  test('locateServer_OnWindows_BundledServerIsTheExe', () => {
    const exe = path.join(extensionPath, 'server', 'speclsp.exe');
    const launch = launchOf(locateServer(inputs({ platform: 'win32' }, [exe])));
    assert.equal(commandLine(launch), `${exe} lsp`);
    assert.equal(launch.dotnet, undefined);
  });

  test('locateServer_OnLinux_BundledServerHasNoExtension', () => {
    const exe = path.join(extensionPath, 'server', 'speclsp');
    assert.equal(commandLine(launchOf(locateServer(inputs({ platform: 'linux' }, [exe])))), `${exe} lsp`);
  });

  test('locateServer_DotnetPathSettingWithBundledExecutable_DotnetNotUsed', () => {
    const launch = launchOf(locateServer(inputs({ dotnetPathSetting: '/opt/dotnet/dotnet' })));
    assert.equal(commandLine(launch), `${bundled} lsp`);
    assert.equal(launch.dotnet, undefined);
  });

  test('locateServer_DllServerPathSetting_RunsItWithDotnetFromPath', () => {
    const launch = launchOf(locateServer(inputs({ serverPathSetting: userDll }, [userDll, bundled])));
    assert.equal(launch.source, 'setting');
    assert.equal(commandLine(launch), `dotnet ${userDll} lsp`);
    assert.equal(launch.dotnet, 'dotnet');
  });

  test('locateServer_DotnetPathSetting_RunsDllWithThatDotnet', () => {
    const launch = launchOf(locateServer(inputs({ serverPathSetting: userDll, dotnetPathSetting: '/opt/dotnet/dotnet' }, [userDll])));
    assert.equal(commandLine(launch), `/opt/dotnet/dotnet ${userDll} lsp`);
    assert.equal(launch.dotnet, '/opt/dotnet/dotnet');
  });

  test('locateServer_ServerPathSettingExecutable_RunsItDirectly', () => {
    const exe = path.resolve('/usr/local/bin/speclsp');
    const launch = launchOf(locateServer(inputs({ serverPathSetting: exe }, [exe, bundled])));
    assert.equal(launch.source, 'setting');
    assert.equal(commandLine(launch), `${exe} lsp`);
    assert.equal(launch.dotnet, undefined);
  });

  test('locateServer_RelativeServerPathSetting_ResolvesAgainstWorkspaceFolder', () => {
    const dll = path.resolve('/work/repo/build/speclsp.dll');
    const result = locateServer(inputs({ serverPathSetting: 'build/speclsp.dll', workspaceFolder: path.resolve('/work/repo') }, [dll]));
    assert.equal(commandLine(launchOf(result)), `dotnet ${dll} lsp`);
  });

  test('locateServer_HomeRelativeSetting_ExpandsTilde', () => {
    const dll = path.resolve('/home/ada/speclsp/speclsp.DLL');
    const result = locateServer(inputs({ serverPathSetting: '~/speclsp/speclsp.DLL', env: { HOME: path.resolve('/home/ada') } }, [dll]));
    assert.equal(commandLine(launchOf(result)), `dotnet ${dll} lsp`);
  });

  test('locateServer_EnvironmentVariable_WinsOverSetting', () => {
    const fromEnv = path.resolve('/dev/speclsp/bin/speclsp.dll');
    const fromSetting = path.resolve('/elsewhere/speclsp.dll');
    const result = locateServer(
      inputs({ env: { SPECLSP_SERVER_PATH: fromEnv }, serverPathSetting: fromSetting }, [fromEnv, fromSetting, bundled]),
    );
    const launch = launchOf(result);
    assert.equal(launch.source, 'environment');
    assert.equal(commandLine(launch), `dotnet ${fromEnv} lsp`);
  });

  test('locateServer_BlankEnvironmentVariable_FallsBackToSetting', () => {
    const fromSetting = path.resolve('/elsewhere/speclsp');
    const launch = launchOf(locateServer(inputs({ env: { SPECLSP_SERVER_PATH: '  ' }, serverPathSetting: fromSetting }, [fromSetting])));
    assert.equal(launch.source, 'setting');
  });

  test('locateServer_EnvironmentPathMissing_NamesTheVariableAndPath', () => {
    const missing = path.resolve('/nope/speclsp.dll');
    const result = locateServer(inputs({ env: { SPECLSP_SERVER_PATH: missing } }));
    assert.deepEqual(result, {
      ok: false,
      message: `The SPECLSP_SERVER_PATH environment variable points to ${missing}, which does not exist.`,
    });
  });

  test('locateServer_BundledServerMissing_SaysWhereItShouldBe', () => {
    const result = locateServer(inputs({}, []));
    assert.deepEqual(result, { ok: false, message: `The server bundled with the extension should be at ${bundled}, which does not exist.` });
  });
});

describe('checkRuntime', () => {
  const dllLaunch = launchOf(locateServer(inputs({ serverPathSetting: userDll }, [userDll])));
  const runtimes = (output: string): ExecFn => async () => ({ stdout: output });

  test('checkRuntime_Dotnet10Installed_ReportsNothing', async () => {
    const output =
      'Microsoft.AspNetCore.App 10.0.1 [/usr/share/dotnet/shared/Microsoft.AspNetCore.App]\n' +
      'Microsoft.NETCore.App 8.0.22 [/usr/share/dotnet/shared/Microsoft.NETCore.App]\n' +
      'Microsoft.NETCore.App 10.0.1 [/usr/share/dotnet/shared/Microsoft.NETCore.App]\n';
    assert.equal(await checkRuntime(dllLaunch, runtimes(output)), undefined);
  });

  test('checkRuntime_DotnetNotFound_OneMessageWithDownloadLink', async () => {
    const notFound: ExecFn = async () => {
      throw Object.assign(new Error('spawn dotnet ENOENT'), { code: 'ENOENT' });
    };
    const message = await checkRuntime(dllLaunch, notFound);
    assert.equal(
      message,
      'SpecLsp needs the .NET 10 runtime, and no dotnet executable was found (dotnet: "dotnet"). ' +
        `Install .NET 10 from ${DOTNET_DOWNLOAD_URL} (the ".NET Runtime" is enough), ` +
        'or set speclsp.dotnet.path to your dotnet executable, then run "SpecLsp: Restart Server".',
    );
  });

  test('checkRuntime_OnlyOlderAndAspNetRuntimes_SaysNoneInstalled', async () => {
    const output =
      'Microsoft.AspNetCore.App 10.0.1 [/x]\nMicrosoft.NETCore.App 8.0.22 [/x]\nMicrosoft.NETCore.App 9.0.11 [/x]\n';
    const message = await checkRuntime(dllLaunch, runtimes(output));
    assert.match(message ?? '', /needs the \.NET 10 runtime, and none is installed/);
  });

  test('checkRuntime_BundledExecutable_DoesNotRunDotnet', async () => {
    const mustNotRun: ExecFn = async () => assert.fail('dotnet was run for the bundled executable');
    assert.equal(await checkRuntime(launchOf(locateServer(inputs({}))), mustNotRun), undefined);
  });

  test('checkRuntime_ExecutableServer_DoesNotRunDotnet', async () => {
    const exe = path.resolve('/usr/local/bin/speclsp');
    const launch = launchOf(locateServer(inputs({ serverPathSetting: exe }, [exe])));
    const mustNotRun: ExecFn = async () => assert.fail('dotnet was run for an executable server');
    assert.equal(await checkRuntime(launch, mustNotRun), undefined);
  });

  test('hasRequiredRuntime_Dotnet11Only_IsFalse', () => {
    assert.equal(hasRequiredRuntime('Microsoft.NETCore.App 11.0.0 [/x]\n'), false);
    assert.equal(hasRequiredRuntime('Microsoft.NETCore.App 10.0.0-rc.2.25502.107 [/x]\n'), true);
  });
});
