import { evidenceExportLink, evidenceExportLinks } from '../../../bot/export-links';
import { readDownload } from '../../../core/export/download-link';
import { aCaller } from '../../../testkit/factories';

describe(evidenceExportLink.name, () => {
  const caller = aCaller({ spaceId: 'team:19:abc@thread.tacv2' });
  const now = new Date('2026-03-02T09:00:00Z');
  const signing = { publicUrl: 'https://crm.contoso.example', secret: 's'.repeat(32), now };

  it('links a signed download of the caller’s export in the chosen format, redacted by default', () => {
    const link = new URL(evidenceExportLink(signing, caller, 'pdf'));
    expect(`${link.origin}${link.pathname}`).toBe('https://crm.contoso.example/api/v1/evidence/download');
    const grant = readDownload(link.searchParams.get('token')!, signing.secret, now);
    expect(grant).toMatchObject({
      tenantId: caller.scope.tenantId,
      spaceId: caller.scope.spaceId,
      user: caller.user,
    });
    expect(grant.request).toMatchObject({ format: 'pdf', redaction: { enabled: true } });
  });

  it('expires after 15 minutes', () => {
    const token = new URL(evidenceExportLink(signing, caller, 'csv')).searchParams.get('token')!;
    expect(() => readDownload(token, signing.secret, new Date(now.getTime() + 15 * 60_000 + 1))).toThrow(
      'expired',
    );
  });

  it('keeps a path the server is published under', () => {
    expect(
      evidenceExportLinks({ ...signing, publicUrl: 'https://contoso.example/partner-crm' }, caller).zip,
    ).toMatch(/^https:\/\/contoso\.example\/partner-crm\/api\/v1\/evidence\/download\?token=/);
  });
});
