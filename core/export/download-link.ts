import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { TenantId, SpaceId } from '../common/scope';
import { ForbiddenError } from '../errors';
import { TeamsUser } from '../people/person';
import { ExportRequest } from './export-request';

/** How long a download link works. */
export const DOWNLOAD_LINK_MINUTES = 15;

/** What a signed download link lets its holder do: one export, as one person, until it expires. */
export const DownloadGrant = z.object({
  tenantId: TenantId,
  spaceId: SpaceId,
  user: TeamsUser,
  request: ExportRequest,
  expiresAt: z.iso.datetime(),
});
/** What a signed download link grants. */
export type DownloadGrant = z.input<typeof DownloadGrant>;

function mac(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/**
 * Signs a download link's token (HMAC-SHA256), so a card in chat can offer a file that opens in a browser
 * without the Teams token the API otherwise needs.
 */
export function signDownload(grant: DownloadGrant, secret: string): string {
  const payload = Buffer.from(JSON.stringify(grant)).toString('base64url');
  return `${payload}.${mac(payload, secret).toString('base64url')}`;
}

/** Reads a download token: its grant if the signature holds and it has not expired, else a ForbiddenError. */
export function readDownload(token: string, secret: string, now: Date): z.output<typeof DownloadGrant> {
  const [payload, signature, extra] = token.split('.');
  const given = Buffer.from(signature ?? '', 'base64url');
  const expected = mac(payload ?? '', secret);
  if (
    extra !== undefined ||
    !payload ||
    given.length !== expected.length ||
    !timingSafeEqual(given, expected)
  )
    throw new ForbiddenError('This download link is not valid');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    // Signed but unreadable: only a change of layout could do that; treat it as invalid.
    throw new ForbiddenError('This download link is not valid');
  }
  const grant = DownloadGrant.safeParse(decoded);
  if (!grant.success) throw new ForbiddenError('This download link is not valid');
  if (Date.parse(grant.data.expiresAt) <= now.getTime())
    throw new ForbiddenError('This download link has expired; ask for a new one');
  return grant.data;
}
