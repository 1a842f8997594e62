import { z } from 'zod';
import { IsoDate } from '../common/dates';
import { isCriterionCode } from '../criteria/cfacsb9';
import { EVIDENCE_KINDS } from '../evidence/evidence-event';
import { EXPORT_FORMATS, MAX_EXPORT_PARTNERS } from './export-formats';

/** Which part of a space's trail an export holds. Stored with the export, so its code can be re-checked. */
export const ExportFilters = z
  .object({
    /** First and last business date, inclusive. */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    partnerIds: z.array(z.string().min(1).max(64)).max(MAX_EXPORT_PARTNERS).default([]),
    criteria: z
      .array(z.string().refine(isCriterionCode, 'Not a criterion of the unit (P1–P14, K1–K12)'))
      .max(26)
      .default([]),
    kinds: z.array(z.enum(EVIDENCE_KINDS)).max(EVIDENCE_KINDS.length).default([]),
    /** One learner's work only (a person id); absent for the whole space. */
    learnerId: z.string().min(1).max(64).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ['to'],
    message: 'The end date is before the start date',
  });
/** Which part of a trail an export holds. */
export type ExportFilters = z.output<typeof ExportFilters>;

/** What to hide. On by default: partner contacts become Contact A, B…; e-mails and phones are removed. */
export const RedactionOptions = z.object({
  enabled: z.boolean().default(true),
  /** Also pseudonymise colleagues (Colleague A, B…). */
  colleagues: z.boolean().default(false),
  /** Also pseudonymise partner organisations (Partner A, B…). */
  partners: z.boolean().default(false),
  /** Further words or phrases to replace with [redacted] wherever they appear. */
  terms: z.array(z.string().trim().min(2).max(100)).max(20).default([]),
});
/** What an export hides. */
export type RedactionOptions = z.output<typeof RedactionOptions>;

/** An export as asked for. */
export const ExportRequest = z.object({
  format: z.enum(EXPORT_FORMATS),
  /** Only the caller's own work (sets the learner filter to them). */
  onlyMine: z.boolean().default(false),
  filters: ExportFilters.default({ partnerIds: [], criteria: [], kinds: [] }),
  redaction: RedactionOptions.default({ enabled: true, colleagues: false, partners: false, terms: [] }),
});
/** An export as asked for. */
export type ExportRequest = z.input<typeof ExportRequest>;
