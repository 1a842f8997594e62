import { DATA_CSP, TAB_CSP } from '../../server/http/security-headers';
import { aUser } from '../../testkit/factories';
import { startTestApp, type TestApp } from '../../testkit/test-app';

describe('security headers and per-caller limits', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { API_RATE_LIMIT: '5/1m' } });
  });
  afterAll(async () => app.close());

  it("serves the tab under its Content-Security-Policy, framed only by Microsoft 365's hosts", async () => {
    const res = await fetch(`${app.baseUrl}/tab/`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toBe(TAB_CSP);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toMatch(
      /frame-ancestors 'self' https:\/\/teams\.microsoft\.com .*https:\/\/\*\.cloud\.microsoft/,
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves API answers as data nothing may frame or run', async () => {
    const res = await fetch(`${app.baseUrl}/healthz`);
    expect(res.headers.get('content-security-policy')).toBe(DATA_CSP);
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('refuses a caller over their limit with 429 and when to retry, and nobody else', async () => {
    const as = (n: number) => ({ 'x-dev-user-id': aUser(n).aadObjectId });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await fetch(`${app.baseUrl}/api/v1/me`, { headers: as(41) })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await fetch(`${app.baseUrl}/api/v1/me`, { headers: as(41) });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as any).error.code).toBe('too_many_requests');
    expect((await fetch(`${app.baseUrl}/api/v1/me`, { headers: as(42) })).status).toBe(200);
  });

  it('refuses a body over the limit before reading it all', async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/partners`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-user-id': aUser(43).aadObjectId },
      body: JSON.stringify({ name: 'x'.repeat(300 * 1024) }),
    });
    expect(res.status).toBe(413);
  });
});
