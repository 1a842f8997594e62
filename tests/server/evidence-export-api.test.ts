import { unzipSync } from 'fflate';
import { PLAYGROUND_IDENTITY } from '../../tab/api/local-identity';
import { spaceIdOf } from '../../core/common/scope';
import { seedEvidenceMonth } from '../support/evidence-month';
import { startTestApp, type TestApp } from '../../testkit/test-app';

describe('evidence exports over HTTP', () => {
  let app: TestApp;
  let spaceId: string;
  beforeAll(async () => {
    app = await startTestApp();
    const month = await seedEvidenceMonth(app);
    spaceId = month.learner.scope.spaceId;
  });
  afterAll(async () => app.close());

  /** The learner of the seeded month, through the local-mode identity headers. */
  const asLearner = {
    'x-dev-user-id': '00000000-0000-4000-8000-000000000001',
    'x-dev-tenant-id': '11111111-1111-4111-8111-111111111111',
  };
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${app.baseUrl}/api/v1${path}`, {
      ...init,
      headers: { ...asLearner, ...(init.headers as object) },
    });

  it('streams each format as a download named with its verification code', async () => {
    const res = await api(`/evidence/export?format=csv&spaceId=${encodeURIComponent(spaceId)}`);
    expect(res.status).toBe(200);
    const code = res.headers.get('x-verification-code')!;
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="evidence-trail-2026-03-31-${code}.csv"`,
    );
    expect(await res.text()).toContain('Monthly delivery review');
  });

  it('refuses a bad format or filter with a clear message', async () => {
    const res = await api(`/evidence/export?format=xls&spaceId=${encodeURIComponent(spaceId)}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.issues[0]).toMatchObject({
      path: 'format',
      message: 'Choose a format: pdf, docx, csv, json, zip',
    });
    expect(
      (await api(`/evidence/export?format=pdf&criteria=P99&spaceId=${encodeURIComponent(spaceId)}`)).status,
    ).toBe(400);
  });

  it('verifies an uploaded export, and finds the edited item in a tampered one', async () => {
    const json = Buffer.from(
      await (await api(`/evidence/export?format=json&spaceId=${encodeURIComponent(spaceId)}`)).arrayBuffer(),
    );
    const intact = await api('/evidence/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: json,
    });
    expect(await intact.json()).toMatchObject({ intact: true, items: 20 });
    // Edit the hashed snapshot's title, not the readable title derived from it.
    const tampered = Buffer.from(
      json.toString().replace('"title":"Monthly delivery review"', '"title":"Monthly delivery reviem"'),
    );
    const verdict = await (
      await api('/evidence/verify', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: tampered,
      })
    ).json();
    expect(verdict).toMatchObject({ intact: false, brokenAt: { reason: 'content_changed' } });
    const zip = Buffer.from(
      await (await api(`/evidence/export?format=zip&spaceId=${encodeURIComponent(spaceId)}`)).arrayBuffer(),
    );
    expect(Object.keys(unzipSync(zip))).toContain('manifest.json');
    const zipVerdict = await (
      await api('/evidence/verify', {
        method: 'POST',
        headers: { 'content-type': 'application/zip' },
        body: zip,
      })
    ).json();
    expect(zipVerdict).toMatchObject({ intact: true, file: 'evidence-trail.json' });
  });

  it('checks a printed code against the chain, and notices the chain being tampered with afterwards', async () => {
    const res = await api(`/evidence/export?format=pdf&spaceId=${encodeURIComponent(spaceId)}`);
    const code = res.headers.get('x-verification-code')!;
    await res.arrayBuffer();
    const check = () =>
      api('/evidence/verify', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      }).then((r) => r.json());
    expect(await check()).toMatchObject({
      found: true,
      intact: true,
      codeMatches: true,
      export: { format: 'pdf', items: 20 },
    });
    await app.store.raw(
      `UPDATE evidence_events SET occurred_at = '2025-01-01T00:00:00.000Z' WHERE space_id = ? AND seq = 5`,
      [spaceId],
    );
    expect(await check()).toMatchObject({
      found: true,
      intact: false,
      chain: { intact: false, brokenAt: { seq: 5 } },
    });
    // Another tenant cannot look the code up.
    const other = await fetch(`${app.baseUrl}/api/v1/evidence/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-tenant-id': 'another-tenant' },
      body: JSON.stringify({ code }),
    });
    expect(await other.json()).toMatchObject({ found: false });
  });

  it('serves a signed link without signing in, until it expires, and refuses a forged one', async () => {
    const made = await api(`/evidence/export-links?spaceId=${encodeURIComponent(spaceId)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'json' }),
    });
    expect(made.status).toBe(201);
    const { url, expiresAt } = (await made.json()) as any;
    expect(expiresAt).toBe('2026-03-31T17:15:00.000Z');
    const path = new URL(url).pathname + new URL(url).search;
    const download = await fetch(`${app.baseUrl}${path}`);
    expect(download.status).toBe(200);
    expect(JSON.parse(await download.text()).header.itemCount).toBe(20);

    const forged = path.replace(/\.([^.]+)$/, '.AAAA$1');
    expect((await fetch(`${app.baseUrl}${forged}`)).status).toBe(403);
    app.clock.set('2026-03-31T17:16:00Z');
    const late = await fetch(`${app.baseUrl}${path}`);
    expect(late.status).toBe(403);
    expect(((await late.json()) as any).error.message).toBe(
      'This download link has expired; ask for a new one',
    );
  });

  it('answers the Playground user with their own (empty) space by default', async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/evidence/export?format=json`);
    const doc = JSON.parse(await res.text());
    expect(doc.header.spaceId).toBe(spaceIdOf('personal', PLAYGROUND_IDENTITY.user.aadObjectId));
    expect(doc.items).toEqual([]);
  });
});
