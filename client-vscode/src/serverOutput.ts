// Where the server's stdout/stderr lines go in the SpecLsp output. No `vscode` import: tests load it.
import * as readline from 'node:readline';
import type { Readable } from 'node:stream';

export interface LineSink {
  info(line: string): void;
  debug(line: string): void;
  error(line: string): void;
}

// The server's console logger ("info: Category[0] message") repeats on stderr what it also sends as
// window/logMessage, which the output already shows at the right level; anything else on stderr (the
// .NET host's own errors, a crash) is an error worth seeing.
const LOGGER_LINE = /^(trce|dbug|info|warn|fail|crit): /;

export function routeStderrLine(line: string, sink: LineSink): void {
  if (line.trim() === '') {
    return;
  }
  if (LOGGER_LINE.test(line)) {
    sink.debug(line);
  } else {
    sink.error(line);
  }
}

function eachLine(input: Readable, handle: (line: string) => void): void {
  readline.createInterface({ input, crlfDelay: Infinity, terminal: false, historySize: 0 }).on('line', handle);
}

/** The client's `stdioOptions`: stdout is only used by non-stdio transports; stderr is routed as above. */
export const serverStdio = {
  stdout: (input: Readable, sink: LineSink): void => eachLine(input, (line) => sink.info(line)),
  stderr: (input: Readable, sink: LineSink): void => eachLine(input, (line) => routeStderrLine(line, sink)),
};
