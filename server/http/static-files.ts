import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Asset names carrying a content hash (`app-3F9A1C2B.js`) never change, so browsers may keep them for a year. */
const HASHED_ASSET = /-[A-Z0-9]{8,}\.\w+$/;

/**
 * Serves a file below `root`. Paths without an extension fall back to `index.html`, so client-side routes
 * load the app. Nothing outside `root` is reachable. Returns false when there is nothing to serve.
 */
export async function serveStatic(
  res: ServerResponse,
  root: string,
  relativePath: string,
  headOnly: boolean,
): Promise<boolean> {
  const base = resolve(root);
  let file = resolve(base, `.${sep}${relativePath}`);
  if (relativePath.includes('\0') || (file !== base && !file.startsWith(base + sep))) return false;
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory() || (!info && extname(file) === '')) {
    file = resolve(base, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) return false;
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, {
    'content-type': type,
    'content-length': info.size,
    'cache-control': HASHED_ASSET.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  // The tab's files are small bundles: sent whole, they need no stream bookkeeping.
  res.end(headOnly ? undefined : await readFile(file));
  return true;
}
