import type { IncomingMessage } from 'node:http';
import { HttpProblem } from '../../tab/api/api-errors';

/**
 * Reads a request body up to `limitBytes`, refusing larger ones as soon as they exceed it (a declared
 * Content-Length is checked before reading anything).
 */
export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw tooLarge(limitBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Reads and parses a JSON body; an empty body is undefined. */
export async function readJson(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const raw = await readBody(req, limitBytes);
  if (raw.length === 0) return undefined;
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type))
    throw new HttpProblem(415, 'unsupported_media_type', 'Send JSON with Content-Type: application/json');
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    // The parser's message would echo input back; a fixed sentence is enough.
    throw new HttpProblem(400, 'bad_json', 'The request body is not valid JSON');
  }
}

function tooLarge(limitBytes: number): HttpProblem {
  return new HttpProblem(
    413,
    'payload_too_large',
    `The request body is larger than ${Math.round(limitBytes / 1024)} KB`,
  );
}
