/**
 * `npm run audit:deps`: fails when a production dependency has a high or critical advisory that
 * `security/audit-allowlist.json` does not accept. Run by `.ci/run`. When the registry cannot answer audits
 * (some mirrors refuse them), it says so and passes: it cannot know, and says it did not check.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AllowedAdvisory, AuditReport, blockingFindings } from './audit/audit-verdict';

const root = join(__dirname, '..');
const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 64 << 20,
});
let json: unknown;
try {
  json = JSON.parse(run.stdout);
} catch {
  json = undefined;
}
const report = AuditReport.safeParse(json);
if (!report.success) {
  const why = (json as { message?: string } | undefined)?.message ?? run.stderr.trim().split('\n').pop();
  process.stdout.write(`audit: NOT CHECKED, the registry did not answer the audit (${why ?? 'no report'})\n`);
  process.exit(0);
}
const allowed = z
  .array(AllowedAdvisory)
  .parse(JSON.parse(readFileSync(join(root, 'security', 'audit-allowlist.json'), 'utf8')));
const findings = blockingFindings(report.data, allowed, new Date().toISOString().slice(0, 10));
for (const f of findings)
  process.stdout.write(`audit: ${f.severity} in ${f.packageName}: ${f.title} (${f.url})\n`);
process.stdout.write(`audit: ${findings.length} high or critical advisories in production dependencies\n`);
process.exit(findings.length ? 1 : 0);
