import {
  Button,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { PartnerBoardPage } from '../api/api-types';
import { loadCoverage, verifyChain, type ChainVerdict, type TrailFilters } from '../api/evidence-client';
import { CoverageTable } from '../components/coverage-table';
import { EvidenceTrail } from '../components/evidence-trail';
import { ExportPanel } from '../components/export-panel';
import { LoadState } from '../components/load-state';
import { PageHeader } from '../components/page-header';
import { words } from '../format';
import { useServices } from '../services';
import { useLoad } from '../use-load';

const KINDS = [
  'partner.added',
  'partner.updated',
  'meeting.logged',
  'action.created',
  'action.status_changed',
  'agreement.proposed',
  'agreement.acknowledged',
  'agreement.agreed',
  'agreement.superseded',
  'sla.defined',
  'sla.reading_recorded',
  'checkin.scheduled',
  'checkin.completed',
];

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
});

/** The evidence: coverage of the unit's criteria, the trail with filters, reflections, witnesses and exports. */
export default function EvidenceView(): ReactNode {
  const { api } = useServices();
  const styles = useStyles();
  const [filters, setFilters] = useState<TrailFilters>({});
  const [verdict, setVerdict] = useState<ChainVerdict>();
  const coverage = useLoad(() => loadCoverage(api), [api]);
  const partners = useLoad(() => api.call<PartnerBoardPage>('/partners', { query: { limit: 100 } }), [api]);

  return (
    <section className={styles.stack}>
      <PageHeader title="Evidence">
        <Button onClick={() => void verifyChain(api).then(setVerdict)}>Check the trail is intact</Button>
      </PageHeader>
      {verdict && (
        <MessageBar intent={verdict.intact ? 'success' : 'error'} role="status">
          <MessageBarBody>
            {verdict.intact
              ? `Intact: all ${verdict.checked} items verify.`
              : `Broken at item ${verdict.brokenAt.seq} (${words(verdict.brokenAt.reason)}).`}
          </MessageBarBody>
        </MessageBar>
      )}
      <Card>
        <Subtitle2 as="h2">Export for a portfolio</Subtitle2>
        <ExportPanel filters={filters} />
      </Card>
      <Card>
        <Subtitle2 as="h2">Coverage of CFACSB9</Subtitle2>
        <LoadState loaded={coverage} label="coverage">
          {(coverage) => <CoverageTable coverage={coverage} />}
        </LoadState>
      </Card>
      <Card>
        <Subtitle2 as="h2">Trail</Subtitle2>
        <div className={styles.filters} role="search" aria-label="Filter the trail">
          <Field label="Kind">
            <Select
              value={filters.kind ?? ''}
              onChange={(_, d) => setFilters({ ...filters, kind: d.value || undefined })}
            >
              <option value="">All kinds</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {words(k.replace('.', ' '))}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Partner">
            <Select
              value={filters.partnerId ?? ''}
              onChange={(_, d) => setFilters({ ...filters, partnerId: d.value || undefined })}
            >
              <option value="">All partners</option>
              {(partners.value?.items ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="From">
            <Input
              type="date"
              onChange={(_, d) =>
                setFilters({ ...filters, from: d.value ? `${d.value}T00:00:00Z` : undefined })
              }
            />
          </Field>
          <Field label="To">
            <Input
              type="date"
              onChange={(_, d) =>
                setFilters({ ...filters, to: d.value ? `${d.value}T23:59:59Z` : undefined })
              }
            />
          </Field>
        </div>
        <EvidenceTrail
          filters={filters}
          partnerNames={Object.fromEntries((partners.value?.items ?? []).map((p) => [p.id, p.name]))}
        />
      </Card>
    </section>
  );
}
