/**
 * `npm run playground`: the server in local mode and Microsoft 365 Agents Playground chatting with it, both on
 * free ports; prints the Playground's address. Ctrl+C stops both.
 */
import type { WatchedChild } from './playground/child-output';
import { startAgentsPlayground } from './playground/start-agents-playground';
import { startLocalServer } from './playground/start-local-server';
import { projectRoot } from '../server/project-root';

async function main(): Promise<void> {
  const root = projectRoot();
  const echo = (line: string) => process.stdout.write(`${line}\n`);
  const running: WatchedChild[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const { child } of running) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(running.map((r) => r.exited));
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    const server = await startLocalServer(root, process.env, echo);
    running.push(server);
    const playground = await startAgentsPlayground(root, `${server.url}/api/messages`, process.env, echo);
    running.push(playground);
    for (const r of running)
      void r.exited.then((code) => {
        if (stopping) return;
        process.stderr.write(`A process stopped (${String(code)}); stopping the other.\n`);
        void stop(1);
      });
    process.stdout.write(
      [
        '',
        // Tests look for this line.
        `Agents Playground: ${playground.url}`,
        `  bot endpoint: ${server.url}/api/messages (local mode, no sign-in)`,
        `  tab:          ${server.url}/tab/  (what you log in the Playground shows here)`,
        '  Type "help" in the Personal Chat. Ctrl+C stops both.',
        '',
      ].join('\n'),
    );
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    await stop(1);
  }
}

void main();
