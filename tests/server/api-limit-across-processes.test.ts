import { aUser } from '../../testkit/factories';
import { TEST_DATABASE_URL } from '../../testkit/postgres';
import { startServerProcess, type ServerProcess } from '../../testkit/server-process';
import { openPostgresTestStore } from '../../testkit/test-stores';

/**
 * The API's per-caller limit on PostgreSQL is counted in the database, so a caller whose requests a load
 * balancer spreads over several server processes gets the limit once, not once per process.
 */
describe('the API caller limit across server processes', () => {
  const servers: ServerProcess[] = [];
  afterEach(() => {
    for (const s of servers.splice(0))
      if (s.child.exitCode === null && !s.child.killed) s.child.kill('SIGKILL');
  });

  it('two servers on one PostgreSQL refuse a caller once their requests together pass the limit, and nobody else', async () => {
    const t = await openPostgresTestStore();
    try {
      const url = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${t.schema}`)}`;
      const env = { DATABASE_URL: url, API_RATE_LIMIT: '5/1m', REMINDER_TICK_MS: '0' };
      const [a, b] = await Promise.all([startServerProcess(env, 60_000), startServerProcess(env, 60_000)]);
      servers.push(a!, b!);
      const as = (n: number) => ({ 'x-dev-user-id': aUser(n).aadObjectId });
      const statuses: number[] = [];
      // Turn by turn, as a load balancer spreads one person's calls.
      for (let i = 0; i < 6; i++)
        statuses.push((await fetch(`${[a!, b!][i % 2]!.url}/api/v1/me`, { headers: as(51) })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      const refused = await fetch(`${b!.url}/api/v1/me`, { headers: as(51) });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as any).error.code).toBe('too_many_requests');
      expect((await fetch(`${a!.url}/api/v1/me`, { headers: as(52) })).status).toBe(200);
      for (const s of [a!, b!]) s.child.kill('SIGTERM');
      await Promise.all([a!.exited, b!.exited]);
    } finally {
      await t.dispose();
    }
  }, 120_000);
});
