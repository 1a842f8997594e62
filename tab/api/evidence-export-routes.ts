import { PassThrough } from 'node:stream';
import { z } from 'zod';
import type { Caller } from '../../core/common/caller';
import { IsoDate } from '../../core/common/dates';
import { parseInput } from '../../core/common/parse';
import type { Core } from '../../core/core';
import type { Logger } from '../../core/ports';
import { CRITERIA } from '../../core/criteria/cfacsb9';
import { EVIDENCE_KINDS } from '../../core/evidence/evidence-event';
import { DOWNLOAD_LINK_MINUTES, readDownload, signDownload } from '../../core/export/download-link';
import type { ExportFileVerifier, ExportWriter } from '../../core/export/export-document';
import { EXPORT_FORMATS, MAX_EXPORT_PARTNERS, type ExportFormat } from '../../core/export/export-formats';
import { ExportRequest } from '../../core/export/export-request';
import { HttpProblem } from './api-errors';
import { created, ok, type ApiResponse, type ApiRoute } from './api-route';
import { callerOf, csvOf, parseBody, parseQuery, RecordId } from './request-parsing';

/** What the export routes need from outside `tab/`: the format writers, the file verifier and link signing. */
export interface ExportServices {
  readonly writers: Readonly<Record<ExportFormat, ExportWriter>>;
  readonly verifyFile: ExportFileVerifier;
  readonly linkSecret: string;
  readonly publicUrl: string;
  readonly now: () => Date;
  readonly logger: Logger;
}

/** Largest export file the verify route reads. */
export const MAX_VERIFY_BYTES = 64 * 1024 * 1024;

const CODES = CRITERIA.map((c) => c.code) as [string, ...string[]];

/** The export's filters and redaction, as query parameters. */
const ExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `Choose a format: ${EXPORT_FORMATS.join(', ')}` }),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  partnerId: z
    .string()
    .max(2000)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(RecordId).max(MAX_EXPORT_PARTNERS))
    .optional(),
  criteria: csvOf(CODES).optional(),
  kind: csvOf(EVIDENCE_KINDS).optional(),
  mine: z.enum(['true', 'false']).optional(),
  redact: z.enum(['true', 'false']).optional(),
  colleagues: z.enum(['true', 'false']).optional(),
  partners: z.enum(['true', 'false']).optional(),
});

function exportRequestOf(query: URLSearchParams): ExportRequest {
  const q = parseQuery(ExportQuery, query);
  return {
    format: q.format,
    onlyMine: q.mine === 'true',
    filters: {
      from: q.from,
      to: q.to,
      partnerIds: q.partnerId ?? [],
      criteria: q.criteria ?? [],
      kinds: q.kind ?? [],
    },
    redaction: {
      enabled: q.redact !== 'false',
      colleagues: q.colleagues === 'true',
      partners: q.partners === 'true',
      terms: [],
    },
  };
}

const CodeCheck = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/i, 'A code looks like ABCDE-FGHJK-LMNPQ-RSTUV'),
});

/**
 * Exports of the evidence trail: a file streamed in any format, an expiring signed link to one (for cards in
 * chat, which cannot carry the Teams token), and verification of an export file or a printed code.
 */
export function evidenceExportRoutes(core: Core, services: ExportServices): ApiRoute[] {
  async function stream(caller: Caller, request: ExportRequest): Promise<ApiResponse> {
    const parsed = parseInput(ExportRequest, request);
    const writer = services.writers[parsed.format];
    const { document } = await core.exports.prepare(caller, parsed);
    const body = new PassThrough();
    writer.write(document, body).catch((err: unknown) => {
      services.logger.error('export failed while streaming', { error: err, format: parsed.format });
      body.destroy(err as Error);
    });
    const date = document.header.exportedAt.slice(0, 10);
    return {
      status: 200,
      stream: body,
      headers: {
        'content-type': writer.contentType,
        'content-disposition': `attachment; filename="evidence-trail-${date}-${document.header.code}.${writer.extension}"`,
        'x-verification-code': document.header.code,
      },
    };
  }

  return [
    {
      method: 'GET',
      path: '/evidence/export',
      handle: async (req) => stream(callerOf(req), exportRequestOf(req.query)),
    },
    {
      method: 'POST',
      path: '/evidence/export-links',
      handle: async (req) => {
        const request = parseBody(ExportRequest, req);
        const caller = callerOf(req);
        const expiresAt = new Date(services.now().getTime() + DOWNLOAD_LINK_MINUTES * 60_000).toISOString();
        const token = signDownload(
          {
            tenantId: caller.scope.tenantId,
            spaceId: caller.scope.spaceId,
            user: caller.user,
            request,
            expiresAt,
          },
          services.linkSecret,
        );
        return created({ url: `${services.publicUrl}/api/v1/evidence/download?token=${token}`, expiresAt });
      },
    },
    {
      method: 'GET',
      path: '/evidence/download',
      access: 'public',
      handle: async (req) => {
        const token = parseQuery(z.object({ token: z.string().min(10).max(8000) }), req.query).token;
        const grant = readDownload(token, services.linkSecret, services.now());
        return stream(
          { scope: { tenantId: grant.tenantId, spaceId: grant.spaceId }, user: grant.user },
          grant.request,
        );
      },
    },
    {
      method: 'POST',
      path: '/evidence/verify',
      body: { kind: 'raw', maxBytes: MAX_VERIFY_BYTES },
      handle: async (req) => {
        const content = req.body as Buffer;
        if (content.length === 0)
          throw new HttpProblem(400, 'validation', 'Send an export file (.json or .zip), or {"code": "…"}');
        if (/json/i.test(req.contentType ?? '') && content.length < 1024) {
          const small = safeJson(content);
          if (small && typeof small === 'object' && 'code' in small && !('header' in small)) {
            const { code } = parseInput(CodeCheck, small);
            const verdict = await core.exports.verifyCode(req.identity, code);
            if (!verdict.found)
              return ok({ found: false, message: 'No export with this code was made in your organisation.' });
            const { record, chain, codeMatches } = verdict;
            return ok({
              found: true,
              intact: chain.intact && codeMatches,
              chain,
              codeMatches,
              export: {
                exportedAt: record.createdAt,
                format: record.format,
                items: record.items,
                asOfSeq: record.asOfSeq,
              },
            });
          }
        }
        return ok(services.verifyFile(content));
      },
    },
  ];
}

function safeJson(content: Buffer): unknown {
  try {
    return JSON.parse(content.toString('utf8'));
  } catch {
    // Not JSON: the caller then treats the body as an export file, whose verdict explains what is wrong.
    return undefined;
  }
}
