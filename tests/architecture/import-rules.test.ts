import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { buildImportGraph, importCycles, ruleViolations, type LayerRule } from './import-graph';

const ROOT = resolve(__dirname, '..', '..');

/**
 * The layers of README's architecture: `bot/` and `tab/` are siblings over `cards/` and `core/`, the card
 * layer knows no edge, and benchmarks share helpers with tests through `testkit/` (which needs neither), never
 * by reaching into them.
 */
const RULES: LayerRule[] = [
  { from: 'bot', mayNotImport: ['tab'] },
  { from: 'tab', mayNotImport: ['bot'] },
  { from: 'cards', mayNotImport: ['bot', 'tab', 'server'] },
  { from: 'bench', mayNotImport: ['tests'] },
  { from: 'testkit', mayNotImport: ['tests', 'bench'] },
];

describe('the import graph', () => {
  const graph = buildImportGraph(ROOT);

  it('reads the whole project', () => {
    expect(graph.files.length).toBeGreaterThan(300);
    expect(graph.edges.length).toBeGreaterThan(1000);
  });

  it('resolves every relative import to a file', () => {
    expect(graph.unresolved).toEqual([]);
  });

  it('has no import cycles, type-only imports included', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('keeps bot/ and tab/ apart, cards/ below both, and bench/ and testkit/ out of tests/', () => {
    expect(ruleViolations(graph, RULES)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  let dir: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'import-graph-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('find cycles through type-only imports, re-exports, dynamic imports and require', () => {
    write('a.ts', "import type { B } from './b';\nexport type A = B;");
    write('b.ts', "export { c } from './c.js';\nexport type B = string;");
    write('c.ts', "export const c = () => import('./a');");
    write('d.ts', "const e = require('./e');");
    write('e.tsx', "import './d';");
    write('f.ts', "import { z } from 'zod';\nimport './a';");
    const graph = buildImportGraph(dir);
    expect(graph.unresolved).toEqual([]);
    expect(importCycles(graph)).toEqual([
      ['a.ts', 'b.ts', 'c.ts'],
      ['d.ts', 'e.tsx'],
    ]);
  });

  it('list each edge that crosses a forbidden line, and relative imports that name nothing', () => {
    write('bot/x.ts', "import '../tab/y';");
    write('tab/y.ts', "import type { Z } from '../cards/z';");
    write('cards/z.ts', "export type Z = 1;\nimport '../server/w';\nimport './gone';");
    write('server/w.ts', '');
    const graph = buildImportGraph(dir);
    expect(graph.unresolved).toEqual([{ from: 'cards/z.ts', specifier: './gone' }]);
    expect(ruleViolations(graph, RULES)).toEqual(['bot/x.ts -> tab/y.ts', 'cards/z.ts -> server/w.ts']);
  });
});
