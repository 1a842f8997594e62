import { z } from 'zod';

/** Severities that fail the check. */
const BLOCKING = new Set(['high', 'critical']);

/** The parts of `npm audit --json` (report version 2, npm 7 and later) the check reads. */
export const AuditReport = z.object({
  auditReportVersion: z.literal(2),
  vulnerabilities: z.record(
    z.string(),
    z.object({
      name: z.string(),
      severity: z.enum(['info', 'low', 'moderate', 'high', 'critical']),
      via: z.array(
        z.union([
          z.string(),
          z.object({ source: z.number(), title: z.string(), url: z.string(), severity: z.string() }).loose(),
        ]),
      ),
    }),
  ),
});
/** An `npm audit --json` report. */
export type AuditReport = z.infer<typeof AuditReport>;

/** An advisory we accept for now, with why and until when. */
export const AllowedAdvisory = z.object({
  url: z.string().url(),
  reason: z.string().min(10),
  until: z.iso.date(),
});
/** An accepted advisory. */
export type AllowedAdvisory = z.infer<typeof AllowedAdvisory>;

/** One finding that fails the check. */
export interface Finding {
  readonly packageName: string;
  readonly severity: string;
  readonly title: string;
  readonly url: string;
}

/**
 * The high and critical advisories in a production-dependency audit that are not accepted (or whose
 * acceptance has run out on `today`). Each advisory is named once, at the package it was found in.
 */
export function blockingFindings(
  report: AuditReport,
  allowed: readonly AllowedAdvisory[],
  today: string,
): Finding[] {
  const accepted = new Set(allowed.filter((a) => a.until >= today).map((a) => a.url));
  const findings: Finding[] = [];
  for (const vulnerability of Object.values(report.vulnerabilities))
    for (const via of vulnerability.via) {
      if (typeof via === 'string' || !BLOCKING.has(via.severity) || accepted.has(via.url)) continue;
      findings.push({
        packageName: vulnerability.name,
        severity: via.severity,
        title: via.title,
        url: via.url,
      });
    }
  return findings;
}
