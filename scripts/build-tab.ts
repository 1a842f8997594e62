/**
 * Bundles the tab's web app (`tab/web/src`) into `dist/tab/web` with esbuild: one small entry, every view and heavy
 * library (teams-js, adaptivecards) split into chunks loaded when needed, names hashed for long caching.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { projectRoot } from '../server/project-root';

/** What a build produced: the entry file and which outputs load at start and which on demand. */
export interface TabBuild {
  readonly outDir: string;
  readonly entry: string;
  /** The entry and the chunks it imports statically: what the first render needs. */
  readonly initial: readonly string[];
  /** Chunks only dynamic imports load. */
  readonly lazy: readonly string[];
}

/** Where `npm run build` puts the tab (beside tsc's `dist/tab/api`), and where the server serves it from. */
export const TAB_OUT_DIR = join(projectRoot(__dirname), 'dist', 'tab', 'web');

/** Builds the tab into `outDir` (emptied first) and writes its `index.html` and `build-manifest.json`. */
export async function buildTab(outDir: string = TAB_OUT_DIR): Promise<TabBuild> {
  const root = projectRoot(__dirname);
  const web = join(root, 'tab', 'web');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { app: join(web, 'src', 'main.tsx') },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome109', 'edge109', 'safari16', 'firefox115'],
    jsx: 'automatic',
    minify: true,
    sourcemap: 'linked',
    metafile: true,
    legalComments: 'none',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: join(web, 'tsconfig.json'),
    logLevel: 'warning',
  });
  const manifest = describeOutputs(result.metafile, outDir, root, 'tab/web/src/main.tsx');
  const template = readFileSync(join(web, 'index.html'), 'utf8');
  writeFileSync(join(outDir, 'index.html'), template.replace('%APP_SCRIPT%', `./${manifest.entry}`));
  writeFileSync(join(outDir, 'build-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { ...manifest, outDir };
}

/** Sorts the JS outputs into what the entry loads at start (following static imports) and the rest. */
function describeOutputs(
  metafile: Metafile,
  outDir: string,
  root: string,
  entryPoint: string,
): Omit<TabBuild, 'outDir'> {
  const rel = (file: string) => relative(relative(root, outDir), file).split('\\').join('/');
  const js = Object.entries(metafile.outputs).filter(([file]) => file.endsWith('.js'));
  // Dynamic imports count as entry points to esbuild too; ours is the one built from main.tsx.
  const [entryFile] = js.find(([, out]) => out.entryPoint === entryPoint) ?? [];
  if (!entryFile) throw new Error('esbuild produced no entry');
  const initial = new Set<string>();
  const visit = (file: string) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const imp of metafile.outputs[file]?.imports ?? [])
      if (imp.kind === 'import-statement') visit(imp.path);
  };
  visit(entryFile);
  return {
    entry: basename(entryFile),
    initial: [...initial].map(rel),
    lazy: js
      .map(([file]) => file)
      .filter((f) => !initial.has(f))
      .map(rel),
  };
}

if (require.main === module) {
  buildTab().then(
    (b) => process.stdout.write(`tab built: ${b.initial.length} initial and ${b.lazy.length} lazy scripts\n`),
    (err: unknown) => {
      process.stderr.write(`tab build failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
