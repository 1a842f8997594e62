/**
 * `npm run manifest:sync`: rewrites the bot's command lists and the message-extension titles in
 * manifest/manifest.json from bot/command-list.ts, the single source of truth for commands.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { projectRoot } from '../server/project-root';
import { commandDrift, withGeneratedCommands } from './app-package/manifest-commands';

async function main(): Promise<void> {
  const path = join(projectRoot(), 'manifest', 'manifest.json');
  const synced = withGeneratedCommands(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  // Written as Prettier writes it, so `prettier --check` stays clean after a sync.
  const style = await resolveConfig(path);
  writeFileSync(path, await format(JSON.stringify(synced), { ...style, filepath: path }));
  const left = commandDrift(synced);
  if (left.length > 0) {
    process.stderr.write(`Updated manifest/manifest.json, but these need a hand:\n  ${left.join('\n  ')}\n`);
    process.exit(1);
  }
  process.stdout.write('manifest/manifest.json now lists the commands of bot/command-list.ts.\n');
}

void main();
