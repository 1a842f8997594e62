import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { waitUntilReady, type WatchedChild } from './child-output';

/** The Bot Framework settings that would take the server out of local mode; the Playground cannot sign in. */
const BOT_IDENTITY_SETTINGS = [
  'MicrosoftAppId',
  'MicrosoftAppPassword',
  'MicrosoftAppType',
  'MicrosoftAppTenantId',
];

/**
 * Starts `server/main.ts` (from source, so no build is needed) in local mode: unauthenticated activities
 * accepted, loopback only. Listens on `PORT` if set, else on a free port, and resolves with its address.
 */
export async function startLocalServer(
  root: string,
  env: NodeJS.ProcessEnv,
  echo: (line: string) => void,
): Promise<WatchedChild & { url: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...env, PORT: env.PORT ?? '0' };
  for (const name of BOT_IDENTITY_SETTINGS) delete childEnv[name];
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'main.ts')], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { ready, watched } = waitUntilReady(child, {
    name: 'server',
    timeoutMs: 30_000,
    echo,
    ready: (line) => listeningUrl(line),
  });
  return { ...watched, url: await ready };
}

/** The address in the server's "listening" log line, or undefined for any other line. */
function listeningUrl(line: string): string | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const entry = JSON.parse(line) as { message?: unknown; url?: unknown };
    return entry.message === 'listening' && typeof entry.url === 'string' ? entry.url : undefined;
  } catch {
    // A library printed a line that only looks like JSON.
    return undefined;
  }
}
