import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { EvidenceEvent, Page, PartnerBoardPage } from '../api/api-types';
import {
  loadCoverage,
  loadTrail,
  reflectionsAndWitnesses,
  verifyChain,
  type ChainVerdict,
  type TrailFilters,
} from '../api/evidence-client';
import { ExportPanel } from '../components/export-panel';
import { LoadState } from '../components/load-state';
import { PageHeader } from '../components/page-header';
import { formatDate, formatDateTime, words } from '../format';
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
  tableWrap: { overflowX: 'auto' },
  gap: { backgroundColor: tokens.colorPaletteRedBackground1 },
  trail: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  criteria: { display: 'flex', flexWrap: 'wrap', gap: '4px' },
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
          {({ rows, scanned, complete }) => (
            <div className={styles.tableWrap}>
              <Table size="small" aria-label="Criteria coverage">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Criterion</TableHeaderCell>
                    <TableHeaderCell>Items</TableHeaderCell>
                    <TableHeaderCell>Latest</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((r) => (
                    <TableRow
                      key={r.code}
                      className={r.count === 0 ? styles.gap : undefined}
                      data-testid={`coverage-${r.code}`}
                    >
                      <TableCell>
                        <strong>{r.code}</strong> {r.text}
                      </TableCell>
                      <TableCell>{r.count === 0 ? 'Gap: no evidence yet' : r.count}</TableCell>
                      <TableCell>{r.latest ? formatDate(r.latest, 'en-GB') : '—'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {!complete && <Caption1>Counted from the first {scanned} items of the trail.</Caption1>}
            </div>
          )}
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
        <Trail
          filters={filters}
          partnerNames={Object.fromEntries((partners.value?.items ?? []).map((p) => [p.id, p.name]))}
        />
      </Card>
    </section>
  );
}

function Trail(props: { filters: TrailFilters; partnerNames: Record<string, string> }): ReactNode {
  const { api, locale } = useServices();
  const styles = useStyles();
  const [pages, setPages] = useState<Page<EvidenceEvent>[]>([]);
  const first = useLoad(async () => {
    const page = await loadTrail(api, props.filters);
    setPages([page]);
    return page;
  }, [api, JSON.stringify(props.filters)]);
  const events = pages.flatMap((p) => p.items);
  const last = pages[pages.length - 1];
  const { reflections, witnesses } = reflectionsAndWitnesses(events);
  return (
    <LoadState loaded={first} label="the trail">
      {() => (
        <>
          {events.length === 0 && <Body1>Nothing matches these filters.</Body1>}
          <ol className={styles.trail} aria-label="Evidence trail, oldest first">
            {events.map((e) => (
              <li key={e.id} data-testid="evidence-item">
                <Body1>
                  <strong>#{e.seq}</strong> {words(e.kind.replace('.', ' '))}: {summaryOf(e)}
                </Body1>
                <br />
                <Caption1>
                  Happened {formatDateTime(e.occurredAt, locale)} · recorded{' '}
                  {formatDateTime(e.recordedAt, locale)}
                  {e.partnerIds.length > 0 &&
                    ` · ${e.partnerIds.map((id) => props.partnerNames[id] ?? 'a partner').join(', ')}`}
                </Caption1>
                <div className={styles.criteria}>
                  {e.criteria.map((c) => (
                    <Badge key={c} size="small" appearance="outline">
                      {c}
                    </Badge>
                  ))}
                </div>
              </li>
            ))}
          </ol>
          {last?.nextCursor && (
            <Button
              onClick={() =>
                void loadTrail(api, props.filters, last.nextCursor ?? undefined).then((p) =>
                  setPages([...pages, p]),
                )
              }
            >
              Show more
            </Button>
          )}
          <Subtitle2 as="h3">Reflections</Subtitle2>
          {reflections.length === 0 ? (
            <Body1>No reflections among these items yet.</Body1>
          ) : (
            reflections.map((r) => <Body1 key={r.id}>{summaryOf(r)}</Body1>)
          )}
          <Subtitle2 as="h3">Witness confirmations</Subtitle2>
          {witnesses.length === 0 ? (
            <Body1>No witness confirmations among these items yet.</Body1>
          ) : (
            witnesses.map((w) => <Body1 key={w.id}>{summaryOf(w)}</Body1>)
          )}
        </>
      )}
    </LoadState>
  );
}

/** The line a trail item shows: the title or name its snapshot carries. */
function summaryOf(e: EvidenceEvent): string {
  const s = e.snapshot;
  const pick = (k: string) => (typeof s[k] === 'string' ? (s[k] as string) : undefined);
  return pick('title') ?? pick('name') ?? pick('partnerName') ?? pick('result') ?? e.subject.type;
}
