import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../../testkit/server-process';

describe('the server process', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'server-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts in local mode, creates its SQLite file, answers /healthz and stops cleanly on SIGTERM', async () => {
    const started = performance.now();
    const server = await startServerProcess({ DATA_DIR: dataDir });
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    await expect(health.json()).resolves.toEqual({ status: 'ok' });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(existsSync(join(dataDir, 'partner-crm.sqlite'))).toBe(true);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    server.child.kill('SIGTERM');
    await expect(server.exited).resolves.toBe(0);
    expect(server.logs.join('\n')).toContain('"message":"stopped"');
  });

  it('finishes a request that is in flight when SIGTERM arrives', async () => {
    const server = await startServerProcess({ DATA_DIR: dataDir });
    const { port } = new URL(server.url);
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/messages',
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      // Half the body now, SIGTERM, the rest later: the server must wait for it and answer.
      req.write('{"type":');
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => req.end('""}'), 300);
      }, 200);
    });
    await expect(answer).resolves.toMatchObject({ status: 400 });
    await expect(server.exited).resolves.toBe(0);
  });

  it('refuses to start with a bad setting, naming it in one line', async () => {
    await expect(startServerProcess({ DATA_DIR: dataDir, PORT: 'eighty' })).rejects.toThrow(
      /Configuration error: PORT must be a whole number from 0 to 65535 \(0 picks a free port\) \(got "eighty"\)\./,
    );
  });
});
