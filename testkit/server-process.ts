import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { clockEnvironment } from './clock-environment';

/** A server started as its own process, as `npm start` does, from source through tsx. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly logs: string[];
  /** Resolves with the exit code (or signal) once the process ends. */
  readonly exited: Promise<number | string | null>;
}

const MAIN = join(__dirname, '..', 'server', 'main.ts');

/**
 * Starts `server/main.ts` with extra environment and waits for its "listening" line (up to `startTimeoutMs`:
 * several processes starting at once on a busy machine take longer).
 */
export async function startServerProcess(
  env: Record<string, string>,
  startTimeoutMs = 15_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH ?? '', ...clockEnvironment(), PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  child.stderr!.on('data', (d) => logs.push(String(d)));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start: ${logs.join('')}`)),
      startTimeoutMs,
    );
    lines.on('line', (line) => {
      logs.push(line);
      const parsed = safeJson(line);
      if (parsed?.message === 'listening') {
        clearTimeout(timer);
        resolve(String(parsed.url));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${String(code)}) before listening: ${logs.join('\n')}`));
    });
  });
  return { child, url, logs, exited };
}

function safeJson(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    // Not one of our JSON log lines (a library printed something).
    return undefined;
  }
}
