import { AuditReport, blockingFindings } from '../../scripts/audit/audit-verdict';

/** An `npm audit --omit=dev --json` report in npm's format (report version 2), with real advisories. */
const REPORT = AuditReport.parse({
  auditReportVersion: 2,
  vulnerabilities: {
    ws: {
      name: 'ws',
      severity: 'high',
      isDirect: false,
      via: [
        {
          source: 1098392,
          name: 'ws',
          dependency: 'ws',
          title: 'ws affected by a DoS when handling a request with many HTTP headers',
          url: 'https://github.com/advisories/GHSA-3h5v-q93c-6h6q',
          severity: 'high',
          cwe: ['CWE-476'],
          cvss: { score: 7.5, vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' },
          range: '>=8.0.0 <8.17.1',
        },
      ],
      effects: ['botbuilder'],
      range: '8.0.0 - 8.17.0',
      nodes: ['node_modules/ws'],
      fixAvailable: true,
    },
    botbuilder: {
      name: 'botbuilder',
      severity: 'high',
      isDirect: true,
      via: ['ws'],
      effects: [],
      range: '*',
      nodes: ['node_modules/botbuilder'],
      fixAvailable: true,
    },
    semver: {
      name: 'semver',
      severity: 'moderate',
      isDirect: false,
      via: [
        {
          source: 1096482,
          name: 'semver',
          dependency: 'semver',
          title: 'semver vulnerable to Regular Expression Denial of Service',
          url: 'https://github.com/advisories/GHSA-c2qf-rxjj-qqgw',
          severity: 'moderate',
          range: '>=7.0.0 <7.5.2',
        },
      ],
      effects: [],
      range: '7.0.0 - 7.5.1',
      nodes: ['node_modules/semver'],
      fixAvailable: true,
    },
  },
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 2, critical: 0, total: 3 } },
});

describe(blockingFindings.name, () => {
  it('names each high or critical advisory once, at the package it was found in', () => {
    expect(blockingFindings(REPORT, [], '2026-11-22')).toEqual([
      {
        packageName: 'ws',
        severity: 'high',
        title: 'ws affected by a DoS when handling a request with many HTTP headers',
        url: 'https://github.com/advisories/GHSA-3h5v-q93c-6h6q',
      },
    ]);
  });

  it('passes an advisory the allow-list accepts, until its date', () => {
    const allowed = [
      {
        url: 'https://github.com/advisories/GHSA-3h5v-q93c-6h6q',
        reason: 'Only reachable from the Bot Framework streaming extension, which we do not use.',
        until: '2026-12-31',
      },
    ];
    expect(blockingFindings(REPORT, allowed, '2026-11-22')).toEqual([]);
    expect(blockingFindings(REPORT, allowed, '2027-01-01')).toHaveLength(1);
  });
});
