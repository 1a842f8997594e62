import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { waitUntilReady, type WatchedChild } from './child-output';

/** The Playground's mock tenant, at the project root where the Playground also looks for it by default. */
export const PLAYGROUND_CONFIG = '.m365agentsplayground.yml';

/**
 * Starts Microsoft 365 Agents Playground against a bot endpoint: telemetry off, no browser opened, on a free
 * port (its default, 56150, is often taken by another Playground). Resolves with the address of its web page.
 */
export async function startAgentsPlayground(
  root: string,
  botEndpoint: string,
  env: NodeJS.ProcessEnv,
  echo: (line: string) => void,
): Promise<WatchedChild & { url: string }> {
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      cli,
      '--app-endpoint',
      botEndpoint,
      '--channel-id',
      'msteams',
      '--port',
      String(port),
      '--disable-telemetry',
    ],
    {
      cwd: root,
      env: {
        ...env,
        // The Playground's own switches: "none" keeps it from opening a browser; the rest keep its files here.
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: join(root, PLAYGROUND_CONFIG),
        M365_AGENTS_PLAYGROUND_LOGFILE: join(root, 'devTools', 'm365agentsplayground.log'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const { ready, watched } = waitUntilReady(child, {
    name: 'playground',
    timeoutMs: 60_000,
    echo,
    // It moves to another port if this one was taken meanwhile, and says which.
    ready: (line) => /Listening on (\d+)/.exec(line)?.[1],
  });
  return { ...watched, url: `http://localhost:${await ready}` };
}

/** A TCP port nothing listens on right now, chosen by the operating system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
