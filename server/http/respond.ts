import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { ApiResponse } from '../../tab/api/api-route';

/** Sends a JSON body. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Sends an API response: its stream when it has one, else its JSON body (or nothing). */
export async function sendApiResponse(res: ServerResponse, response: ApiResponse): Promise<void> {
  if (response.stream) {
    res.writeHead(response.status, { 'cache-control': 'no-store', ...response.headers });
    await pipeline(response.stream, res);
    return;
  }
  if (response.body === undefined) {
    res.writeHead(response.status, { ...response.headers });
    res.end();
    return;
  }
  sendJson(res, response.status, response.body, { ...response.headers });
}
