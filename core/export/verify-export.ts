import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { describeEvent } from '../evidence/describe-event';
import type { EvidenceEvent } from '../evidence/evidence-event';
import { hashOf, type HashInput } from '../evidence/hash-chain';
import { DocumentDigest, ExportCode, itemDigest } from './export-code';
import { EXPORT_LAYOUT, type DigestedItem, type ExportHeader, type ExportItem } from './export-layout';
import { nameFrom } from './shown-names';

/** Why an export failed verification. */
export type ExportBreak =
  /** Not an export this version understands. */
  | 'layout'
  /** An item's event no longer hashes to its recorded hash: its content was changed. */
  | 'content_changed'
  /** An item does not link to the item before it in the chain. */
  | 'link_broken'
  /** Items are out of chain order or repeated. */
  | 'order'
  /** An item's readable fields no longer match its event. */
  | 'display_changed'
  /** An item differs from the digest recorded for it. */
  | 'item_changed'
  /** The set of items no longer gives the export's verification code (items added, removed or swapped). */
  | 'code_mismatch'
  /** The document as a whole differs from its recorded digest. */
  | 'document_changed';

/** The outcome of verifying an export file. */
export type ExportVerdict =
  | { readonly intact: true; readonly items: number; readonly code: string; readonly asOfSeq: number }
  | {
      readonly intact: false;
      /** Items checked and found sound before the break. */
      readonly items: number;
      readonly code?: string;
      /** The first broken item (its position in the file, sequence number and id), when one is to blame. */
      readonly brokenAt: {
        readonly index?: number;
        readonly seq?: number;
        readonly id?: string;
        readonly reason: ExportBreak;
      };
      readonly message: string;
    };

const ExportJson = z.object({
  header: z.looseObject({ layout: z.literal(EXPORT_LAYOUT), code: z.string(), asOfSeq: z.number() }),
  items: z.array(
    z.looseObject({
      seq: z.number(),
      id: z.string(),
      proof: z.looseObject({ event: z.looseObject({}), hash: z.string() }),
    }),
  ),
  verification: z.object({ code: z.string(), documentDigest: z.string() }),
});

/**
 * Verifies an export's JSON (the `.json` file, or the one inside the `.zip`), offline. For every item it
 * recomputes the event hash from the exported event (redacted strings count by their digests), checks the link
 * to the previous item where they are consecutive in the chain, re-derives the readable fields, and checks
 * the item's digest; then it recomputes the verification code and the document digest. The first failure is
 * reported with the item it is in.
 *
 * What this cannot see offline: names (they are resolved at export time, not chained, so people stay
 * erasable), and a forger who recomputes every digest and the code. The code printed on the PDF, and the
 * server's record of it, catch the latter.
 */
export function verifyExportJson(json: unknown): ExportVerdict {
  const parsed = ExportJson.safeParse(json);
  if (!parsed.success)
    return broken(
      0,
      undefined,
      'layout',
      'This is not a Partner CRM evidence export (or not one this version reads).',
    );
  const { header: rawHeader, items, verification } = parsed.data;
  const header = rawHeader as unknown as ExportHeader;
  const code = new ExportCode({
    tenantId: header.tenantId,
    spaceId: header.spaceId,
    asOfSeq: header.asOfSeq,
    headHash: header.headHash,
    filters: header.filters,
  });
  const digest = new DocumentDigest(header.code);
  const nameOf = nameFrom(header.people ?? {});
  const partnerName = nameFrom(header.partners ?? {});
  let previous: { seq: number; hash: string } | undefined;

  for (const [index, raw] of items.entries()) {
    const item = raw as unknown as DigestedItem;
    const at = { index, seq: item.seq, id: item.id };
    const event = item.proof.event as HashInput;
    if (previous && item.seq <= previous.seq)
      return broken(index, at, 'order', `Item ${index + 1} (event #${item.seq}) is out of chain order.`);
    if (hashOf(event) !== item.proof.hash)
      return broken(
        index,
        at,
        'content_changed',
        `Item ${index + 1} (event #${item.seq}) was changed: its content no longer matches its hash.`,
      );
    if (previous && item.seq === previous.seq + 1 && event.prevHash !== previous.hash)
      return broken(
        index,
        at,
        'link_broken',
        `Item ${index + 1} (event #${item.seq}) does not link to the event before it.`,
      );
    if (!displayMatches(item, event, nameOf, partnerName))
      return broken(
        index,
        at,
        'display_changed',
        `Item ${index + 1} (event #${item.seq}) reads differently from the event it records.`,
      );
    if (itemDigest(item) !== item.digest)
      return broken(
        index,
        at,
        'item_changed',
        `Item ${index + 1} (event #${item.seq}) differs from its recorded digest.`,
      );
    code.add(item.seq, item.proof.hash);
    digest.add(item.digest);
    previous = { seq: item.seq, hash: item.proof.hash };
  }
  if (code.value() !== header.code || verification.code !== header.code)
    return broken(
      items.length,
      undefined,
      'code_mismatch',
      'The items no longer give the verification code printed on this export.',
    );
  if (digest.value() !== verification.documentDigest)
    return broken(
      items.length,
      undefined,
      'document_changed',
      'The document differs from its recorded digest.',
    );
  return { intact: true, items: items.length, code: header.code, asOfSeq: header.asOfSeq };

  function broken(
    checked: number,
    at: { index: number; seq: number; id: string } | undefined,
    reason: ExportBreak,
    message: string,
  ): ExportVerdict {
    return {
      intact: false,
      items: checked,
      code: parsed.success ? parsed.data.header.code : undefined,
      brokenAt: { ...at, reason },
      message,
    };
  }
}

function displayMatches(
  item: ExportItem,
  event: HashInput,
  nameOf: (id: string | undefined) => string,
  partnerName: (id: string | undefined) => string,
): boolean {
  const described = describeEvent(
    { kind: event.kind, snapshot: event.snapshot as EvidenceEvent['snapshot'] },
    nameOf,
  );
  return (
    item.seq === event.seq &&
    item.id === event.id &&
    item.kind === event.kind &&
    item.occurredAt === event.occurredAt &&
    item.recordedAt === event.recordedAt &&
    item.actor === nameOf(event.actorId) &&
    isDeepStrictEqual(
      item.partners,
      event.partnerIds.map((id) => partnerName(id)),
    ) &&
    item.title === described.title &&
    isDeepStrictEqual(item.details, described.details)
  );
}
