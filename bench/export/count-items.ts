/**
 * Counts the items an export file actually holds, read back from the file: a benchmark that reports the size it
 * asked for would not notice an export that stopped short, and a short export is a fast one. Streams every
 * file, because the heap-capped runs' outputs are as large as the others'. Needs `pdftotext` and `unzip`.
 */
import { spawn, execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Every PDF and DOCX item prints "· event #<seq>" under its title; the header's "up to event #" has no dot. */
const ITEM_META = /·\s+event #/g;
/** Longer than any text that can precede the end of a match. */
const CARRY = 32;

/** Counts ITEM_META in a text stream, including matches split across chunks, each once. */
async function countItemMeta(chunks: AsyncIterable<Buffer>): Promise<number> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let count = 0;
  for await (const chunk of chunks) {
    const text = carry + decoder.write(chunk);
    let lastEnd = 0;
    for (const m of text.matchAll(ITEM_META)) {
      count += 1;
      lastEnd = m.index + m[0].length;
    }
    // Keep only what follows the last match, so no match is counted twice.
    carry = text.slice(Math.max(lastEnd, text.length - CARRY));
  }
  return count;
}

/** Counts the bytes `byte` outside double quotes (RFC 4180 doubles quotes inside fields, so a toggle suffices). */
async function countUnquoted(chunks: AsyncIterable<Buffer>, byte: number): Promise<number> {
  const QUOTE = 0x22;
  let quoted = false;
  let count = 0;
  for await (const chunk of chunks) {
    for (const b of chunk) {
      if (b === QUOTE) quoted = !quoted;
      else if (b === byte && !quoted) count += 1;
    }
  }
  return count;
}

/** The JSON export puts each item on a line of its own, between the header's line and the verification's. */
async function countJsonItems(chunks: AsyncIterable<Buffer>): Promise<number> {
  const NEWLINE = 0x0a;
  const OPEN = 0x7b; // '{'
  let lines = 0;
  let count = 0;
  let atLineStart = true;
  for await (const chunk of chunks) {
    for (const b of chunk) {
      if (atLineStart && b === OPEN && lines > 0) count += 1;
      atLineStart = b === NEWLINE;
      if (atLineStart) lines += 1;
    }
  }
  return count;
}

function stdoutOf(command: string, args: string[]): AsyncIterable<Buffer> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`)))),
  );
  return (async function* () {
    for await (const chunk of child.stdout) yield chunk as Buffer;
    await exited;
  })();
}

/** What a bundle holds, file by file. */
export interface BundleItems {
  pdf: number;
  docx: number;
  csv: number;
  json: number;
}

/** The items in one export file of `format` ('baseline' is the JSON-lines floor: one event per line). */
export async function countExportedItems(file: string, format: string): Promise<number> {
  const read = () => createReadStream(file);
  switch (format) {
    case 'baseline':
      return countUnquoted(read(), 0x0a);
    case 'json':
      return countJsonItems(read());
    case 'csv':
      // One row per item after the column names; a row ends with CRLF, and quoted fields may hold line breaks.
      return (await countUnquoted(read(), 0x0a)) - 1;
    case 'pdf':
      return countItemMeta(stdoutOf('pdftotext', ['-q', file, '-']));
    case 'docx':
      return countItemMeta(stdoutOf('unzip', ['-p', file, 'word/document.xml']));
    default:
      throw new Error(`cannot count items of ${format}`);
  }
}

/** The items in each file of a ZIP bundle, counted as each format is counted on its own. */
export async function countBundleItems(file: string): Promise<BundleItems> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  try {
    execFileSync('unzip', ['-q', file, '-d', dir]);
    const count = (format: keyof BundleItems) =>
      countExportedItems(join(dir, `evidence-trail.${format}`), format);
    return {
      pdf: await count('pdf'),
      docx: await count('docx'),
      csv: await count('csv'),
      json: await count('json'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
