/**
 * The figures in bench/README.md, rendered from bench/results/*.json so the README cannot quote a figure no
 * committed file holds. `npm run bench -- --figures` rewrites every block; `npm run bench -- --check` fails
 * when a block differs from its file (run it before committing a README or a result file).
 *
 * A block is the text between `<!-- figures NAME -->` and `<!-- /figures -->`; NAME is a key of BLOCKS.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { botTurnInstructions } from './figures/bot-turn-instruction-figures';
import { botTurn, botTurnBefore26 } from './figures/bot-turn-figures';
import { echoBaseline } from './figures/echo-baseline-figures';
import { exportHeapCap, exportRuns } from './figures/export-figures';
import type { FigureBlock } from './figures/figure-block';
import { provenance, type ResultFile } from './figures/markdown';
import { reminders } from './figures/reminder-figures';
import { storeLists, storeReads, storeWrites } from './figures/store-figures';
import { tabApi, tabBundle, tabRender } from './figures/tab-figures';

const BLOCKS: Record<string, FigureBlock> = {
  'store-writes': storeWrites,
  'store-reads': storeReads,
  'store-lists': storeLists,
  'tab-bundle': tabBundle,
  'tab-render': tabRender,
  'tab-api': tabApi,
  'bot-turn': botTurn,
  'bot-turn-before-26': botTurnBefore26,
  'bot-turn-instructions': botTurnInstructions,
  'echo-baseline': echoBaseline,
  'export-runs': exportRuns,
  'export-heap-cap': exportHeapCap,
  reminders,
};

const README = join(__dirname, 'README.md');
const BLOCK = /<!-- figures ([\w-]+) -->\n[\s\S]*?<!-- \/figures -->/g;

function renderBlock(name: string): string {
  const block = BLOCKS[name];
  if (!block)
    throw new Error(`bench/README.md has a figures block "${name}" that readme-figures.ts does not know`);
  const file = JSON.parse(
    readFileSync(join(__dirname, 'results', `${block.file}.json`), 'utf8'),
  ) as ResultFile<unknown>;
  return `<!-- figures ${name} -->\n\n${block.render(file.result)}\n\n${provenance(block.file, file)}\n\n<!-- /figures -->`;
}

/** bench/README.md with every figures block rendered from its result file, formatted as prettier formats it. */
async function renderedReadme(): Promise<string> {
  const current = readFileSync(README, 'utf8');
  const rendered = current.replace(BLOCK, (_, name: string) => renderBlock(name));
  const options = (await prettier.resolveConfig(README)) ?? {};
  return prettier.format(rendered, { ...options, filepath: README });
}

async function main(mode: string | undefined): Promise<void> {
  const expected = await renderedReadme();
  if (mode === '--check') {
    if (expected === readFileSync(README, 'utf8'))
      return console.log('bench/README.md figures match bench/results');
    console.error(
      'bench/README.md figures differ from bench/results; `npm run bench -- --figures` rewrites them',
    );
    process.exitCode = 1;
    return;
  }
  writeFileSync(README, expected);
  console.log('bench/README.md figures rendered from bench/results');
}

void main(process.argv[2]);
