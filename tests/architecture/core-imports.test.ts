import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const CORE = join(ROOT, 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Module specifiers a file imports (static, dynamic, side-effect or require) that core may not use. */
function forbiddenImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/\bimport\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
  return specifiers.filter((spec) => {
    if (spec === 'zod' || spec.startsWith('node:')) return false;
    if (spec.startsWith('.')) return !resolve(join(file, '..'), spec).startsWith(CORE + '/');
    return true;
  });
}

describe('core/', () => {
  const files = sourceFiles(CORE);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))(
    '%s imports only zod, the Node standard library and core itself',
    (_name, file) => {
      expect(forbiddenImports(file)).toEqual([]);
    },
  );

  it('flags botbuilder, teams-js, Graph, pg, better-sqlite3, React and edge folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'core-imports-'));
    const file = join(dir, 'offender.ts');
    writeFileSync(
      file,
      [
        "import { CloudAdapter } from 'botbuilder';",
        "import * as teams from '@microsoft/teams-js';",
        "import { Client } from '@microsoft/microsoft-graph-client';",
        "const pg = require('pg');",
        "import Database from 'better-sqlite3';",
        "const react = import('react');",
        "import '../bot/partner-bot';",
        "import { z } from 'zod';",
        "import { createHash } from 'node:crypto';",
      ].join('\n'),
    );
    try {
      expect(forbiddenImports(file).sort()).toEqual(
        [
          '../bot/partner-bot',
          '@microsoft/microsoft-graph-client',
          '@microsoft/teams-js',
          'better-sqlite3',
          'botbuilder',
          'pg',
          'react',
        ].sort(),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
