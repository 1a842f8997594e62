import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** Folders never part of the project's own source graph: installed, built or generated files. */
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'dist',
  'build',
  'coverage',
  'data',
  'test-results',
  'devTools',
]);

/** Every .ts/.tsx file under root, as paths relative to root with forward slashes. */
export function projectSourceFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && /\.tsx?$/.test(entry.name)) found.push(toPosix(relative(root, path)));
    }
  };
  walk(root);
  return found.sort();
}

/**
 * Module specifiers a file names: static and type-only imports, `export … from`, side-effect imports,
 * dynamic `import()`, `require()` and `/// <reference path>`. The compiler's own pre-processor reads them,
 * so none hides behind a comment trick or a multi-line import.
 */
export function importedSpecifiers(text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  return [...info.importedFiles, ...info.referencedFiles].map((ref) => ref.fileName);
}

/** One edge of the graph: `from` imports `to` (both relative to the root), as it wrote `specifier`. */
export interface ImportEdge {
  from: string;
  to: string;
  specifier: string;
}

/** The project's file-level import graph; only relative specifiers resolve to project files. */
export interface ImportGraph {
  files: string[];
  edges: ImportEdge[];
  /** Relative specifiers that name no file: the graph would silently miss an edge, so tests fail on them. */
  unresolved: { from: string; specifier: string }[];
}

const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '/index.ts', '/index.tsx'];

/** The project file a relative specifier names, as TypeScript resolves it (a `.js` ending may stand for `.ts`). */
function resolveRelative(
  root: string,
  fromFile: string,
  specifier: string,
): string | 'not-source' | undefined {
  const base = resolve(root, dirname(fromFile), specifier);
  const candidates = [base, ...EXTENSIONS.map((ext) => base + ext)];
  if (/\.[cm]?jsx?$/.test(base)) {
    const stem = base.replace(/\.[cm]?jsx?$/, '');
    candidates.push(stem + '.ts', stem + '.tsx');
  }
  for (const candidate of candidates) {
    if (!existsSync(candidate) || !statSync(candidate).isFile()) continue;
    return /\.tsx?$/.test(candidate) ? toPosix(relative(root, candidate)) : 'not-source';
  }
  return undefined;
}

/** Reads every source file under root and links each to the project files it imports. */
export function buildImportGraph(root: string): ImportGraph {
  const files = projectSourceFiles(root);
  const edges: ImportEdge[] = [];
  const unresolved: ImportGraph['unresolved'] = [];
  for (const from of files) {
    const text = readFileSync(join(root, from), 'utf8');
    for (const specifier of importedSpecifiers(text)) {
      if (!specifier.startsWith('.')) continue;
      const to = resolveRelative(root, from, specifier);
      if (to === undefined) unresolved.push({ from, specifier });
      else if (to !== 'not-source') edges.push({ from, to, specifier });
    }
  }
  return { files, edges, unresolved };
}

/**
 * Every import cycle, as the strongly connected components with more than one file (or a file importing
 * itself), found with Tarjan's algorithm; each is listed sorted so failures read the same on every run.
 */
export function importCycles(graph: ImportGraph): string[][] {
  const next = new Map<string, string[]>(graph.files.map((f) => [f, []]));
  for (const edge of graph.edges) next.get(edge.from)?.push(edge.to);
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  // Iterative, so a deep chain of imports cannot overflow the call stack.
  for (const start of graph.files) {
    if (index.has(start)) continue;
    const work: { file: string; child: number }[] = [{ file: start, child: 0 }];
    index.set(start, counter);
    lowLink.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = next.get(frame.file) ?? [];
      if (frame.child < targets.length) {
        const target = targets[frame.child++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          lowLink.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ file: target, child: 0 });
        } else if (onStack.has(target)) {
          lowLink.set(frame.file, Math.min(lowLink.get(frame.file)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) lowLink.set(parent.file, Math.min(lowLink.get(parent.file)!, lowLink.get(frame.file)!));
      if (lowLink.get(frame.file) !== index.get(frame.file)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.file);
      const selfImport = graph.edges.some((e) => e.from === frame.file && e.to === frame.file);
      if (component.length > 1 || selfImport) cycles.push(component.sort());
    }
  }
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** A dependency rule: files under `from` may not import files under any of `mayNotImport`. */
export interface LayerRule {
  from: string;
  mayNotImport: string[];
}

/** Edges that break a rule, as `from -> to` lines. */
export function ruleViolations(graph: ImportGraph, rules: LayerRule[]): string[] {
  const under = (file: string, folder: string) =>
    file.startsWith(folder.endsWith('/') ? folder : folder + '/');
  return graph.edges
    .filter((edge) =>
      rules.some((rule) => under(edge.from, rule.from) && rule.mayNotImport.some((f) => under(edge.to, f))),
    )
    .map((edge) => `${edge.from} -> ${edge.to}`);
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
