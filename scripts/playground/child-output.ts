import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A child process whose output lines are echoed with a prefix and searched for a sign that it is ready. */
export interface WatchedChild {
  readonly child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process ends. */
  readonly exited: Promise<number | string | null>;
}

/**
 * Echoes the child's stdout and stderr lines, each prefixed (so two programs' logs stay apart), and resolves
 * with the first value `ready` returns for a line. Rejects, with the last lines it printed, if the child exits
 * first or takes longer than `timeoutMs`.
 */
export function waitUntilReady<T>(
  child: ChildProcess,
  options: {
    readonly name: string;
    readonly ready: (line: string) => T | undefined;
    readonly timeoutMs: number;
    readonly echo: (line: string) => void;
  },
): { ready: Promise<T>; watched: WatchedChild } {
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const recent: string[] = [];
  let onLine: (line: string) => void = () => undefined;
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      recent.push(line);
      if (recent.length > 20) recent.shift();
      options.echo(`[${options.name}] ${line}`);
      onLine(line);
    });
  }
  const ready = new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new Error(`${options.name} was not ready within ${options.timeoutMs} ms:\n${recent.join('\n')}`),
      );
    }, options.timeoutMs);
    onLine = (line) => {
      const value = options.ready(line);
      if (value === undefined) return;
      clearTimeout(timer);
      onLine = () => undefined;
      resolve(value);
    };
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        new Error(`${options.name} stopped (${String(code)}) before it was ready:\n${recent.join('\n')}`),
      );
    });
  });
  return { ready, watched: { child, exited } };
}
