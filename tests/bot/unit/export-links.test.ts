import { evidenceExportLink, evidenceExportLinks } from '../../../bot/export-links';

describe(evidenceExportLink.name, () => {
  const scope = { tenantId: 't', spaceId: 'team:19:abc@thread.tacv2' };

  it('links the evidence export of the space in the chosen format', () => {
    expect(evidenceExportLink('https://crm.contoso.example', scope, 'pdf')).toBe(
      'https://crm.contoso.example/api/v1/evidence/export?format=pdf&spaceId=team%3A19%3Aabc%40thread.tacv2',
    );
  });

  it('keeps a path the server is published under', () => {
    expect(evidenceExportLinks('https://contoso.example/partner-crm', scope).zip).toMatch(
      /^https:\/\/contoso\.example\/partner-crm\/api\/v1\/evidence\/export\?format=zip&/,
    );
  });
});
