import { z } from 'zod';
import type { Page } from './page';

/** Most items one page may hold, whatever the caller asks. */
export const MAX_PAGE_SIZE = 100;
/** Items per page when the caller does not say. */
export const DEFAULT_PAGE_SIZE = 25;

/** Where a keyset page starts: the sort value and id of the last item already seen. */
export interface Cursor {
  readonly key: string | number | null;
  readonly id: string;
}

/** A request for one page. */
export interface PageRequest {
  readonly limit: number;
  readonly after?: Cursor;
}

/** Encodes a cursor as an opaque URL-safe token. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

const CursorTuple = z.tuple([
  z.union([z.string().max(200), z.number(), z.null()]),
  z.string().min(1).max(100),
]);

/** Decodes a cursor token, or undefined when it is not one of ours. */
export function decodeCursor(token: string): Cursor | undefined {
  try {
    const parsed = CursorTuple.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    return parsed.success ? { key: parsed.data[0], id: parsed.data[1] } : undefined;
  } catch {
    // Not base64 JSON: treat as a foreign token, reported by the schema below.
    return undefined;
  }
}

const LIMIT_MESSAGE = `Use a whole number from 1 to ${MAX_PAGE_SIZE}`;

/** Parses `limit` and `cursor` from untrusted input (query strings arrive as text). */
export const PageQuery = z
  .object({
    limit: z.coerce
      .number({ error: LIMIT_MESSAGE })
      .int(LIMIT_MESSAGE)
      .min(1, LIMIT_MESSAGE)
      .max(MAX_PAGE_SIZE, LIMIT_MESSAGE)
      .default(DEFAULT_PAGE_SIZE),
    cursor: z.string().max(400).optional(),
  })
  .transform((q, ctx): PageRequest => {
    if (q.cursor === undefined) return { limit: q.limit };
    const after = decodeCursor(q.cursor);
    if (!after) {
      ctx.addIssue({
        code: 'custom',
        path: ['cursor'],
        message: 'Cursor is not valid; start from the first page',
      });
      return z.NEVER;
    }
    return { limit: q.limit, after };
  });

/** Builds a page from `limit + 1` fetched rows: the extra row only says whether there is a next page. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (item: T) => Cursor): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
