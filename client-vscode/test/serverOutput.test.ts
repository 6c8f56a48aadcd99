import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { routeStderrLine } from '../src/serverOutput';

describe('server output', () => {
  test('routeStderrLine_LoggerLinesAndHostErrors_DebugAndError', () => {
    const seen: string[] = [];
    const sink = { info: (l: string) => seen.push(`info ${l}`), debug: (l: string) => seen.push(`debug ${l}`), error: (l: string) => seen.push(`error ${l}`) };
    const lines = [
      'info: SpecLsp.Server.Handlers.InitializedHandler[841691176] speclsp 0.1.0 ready (utf-16 positions, pulled diagnostics).',
      'warn: SpecLsp.Server.Templates.TemplateEnvironmentService[0] Ignored client setting: speclsp.x',
      '',
      'You must install or update .NET to run this application.',
      'Unhandled exception. System.InvalidOperationException: boom',
    ];
    lines.forEach((line) => routeStderrLine(line, sink));
    assert.deepEqual(seen, [
      `debug ${lines[0]}`,
      `debug ${lines[1]}`,
      `error ${lines[3]}`,
      `error ${lines[4]}`,
    ]);
  });
});
