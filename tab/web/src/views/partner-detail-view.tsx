import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
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
import type {
  AgreedAction,
  Agreement,
  Meeting,
  Page,
  PartnerView,
  People,
  Sla,
  SlaReading,
} from '../api/api-types';
import { ActionItem } from '../components/action-item';
import { CardForm } from '../components/card-form';
import { HealthBadge } from '../components/health-badge';
import { LoadState } from '../components/load-state';
import { MeetingTimeline } from '../components/meeting-timeline';
import { PageHeader } from '../components/page-header';
import { PartnerForm } from '../components/partner-form';
import { SlaChart } from '../components/sla-chart';
import { ReadingForm, SlaForm } from '../components/sla-forms';
import { formatDate, targetWords, words } from '../format';
import { hrefOf } from '../router';
import { useServices } from '../services';
import { useLoad } from '../use-load';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: '4px',
  },
  tableWrap: { overflowX: 'auto' },
  list: {
    listStyle: 'none',
    padding: 0,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

/** One partner: contacts and how they like to work, SLAs against readings, check-ins, meetings, actions, agreements. */
export default function PartnerDetailView(props: { partnerId: string }): ReactNode {
  const { api, locale } = useServices();
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const [logging, setLogging] = useState<string>();
  const view = useLoad(
    () => api.call<PartnerView>(`/partners/${props.partnerId}`, { query: { include: 'health' } }),
    [api, props.partnerId],
  );
  const related = useLoad(async () => {
    const q = { partnerId: props.partnerId, limit: 50 };
    const [meetings, actions, agreements, slas] = await Promise.all([
      api.call<Page<Meeting>>('/meetings', { query: q }),
      api.call<Page<AgreedAction> & { people: People }>('/actions', { query: q }),
      api.call<Page<Agreement>>('/agreements', { query: q }),
      api.call<Page<Sla>>('/slas', { query: q }),
    ]);
    const readings = await Promise.all(
      slas.items.map((s) => api.call<Page<SlaReading>>(`/slas/${s.id}/readings`, { query: { limit: 12 } })),
    );
    return {
      meetings,
      actions,
      agreements,
      slas: slas.items.map((sla, i) => ({ sla, readings: readings[i]!.items })),
    };
  }, [api, props.partnerId]);
  const reloadAll = () => {
    view.reload();
    related.reload();
  };

  return (
    <LoadState loaded={view} label="the partner">
      {({ partner, people, checkIn, health }) => (
        <article>
          <Link href={hrefOf({ view: 'partners' })}>← All partners</Link>
          <PageHeader title={partner.name}>
            <HealthBadge health={health} />
            {partner.status === 'archived' && <Badge appearance="outline">Archived</Badge>}
            <Button onClick={() => setEditing(true)}>Edit</Button>
            {partner.status === 'active' && (
              <Button
                onClick={() =>
                  void api.call(`/partners/${partner.id}/archive`, { method: 'POST' }).then(reloadAll)
                }
              >
                Archive
              </Button>
            )}
          </PageHeader>
          <div className={styles.grid}>
            <Card className={styles.section}>
              <Subtitle2 as="h2">Relationship</Subtitle2>
              <div className={styles.facts}>
                <Caption1>Kind</Caption1>
                <Body1>
                  {words(partner.kind)} ({partner.side})
                </Body1>
                <Caption1>In the chain</Caption1>
                <Body1>
                  {partner.chain.direction}, stage {partner.chain.stage}
                </Body1>
                <Caption1>Owner</Caption1>
                <Body1>{people[partner.relationshipOwnerId]?.displayName ?? '—'}</Body1>
                <Caption1>Check-ins</Caption1>
                <Body1>
                  {checkIn?.active
                    ? `Every ${checkIn.cadence.every} ${checkIn.cadence.unit}${checkIn.cadence.every === 1 ? '' : 's'}; next ${formatDate(checkIn.nextDueDate, locale)}`
                    : 'No regular check-in'}
                </Body1>
                <Caption1>Authority</Caption1>
                <Body1>{partner.authorityNotes ?? 'Not recorded'}</Body1>
              </div>
              {health && health.reasons.length > 0 && <Body1>{health.reasons.join(' · ')}</Body1>}
              {partner.informationSources.length > 0 && (
                <Caption1>
                  Sources:{' '}
                  {partner.informationSources.map((s) =>
                    s.url ? (
                      <Link key={s.label} href={s.url} target="_blank" rel="noreferrer">
                        {s.label}{' '}
                      </Link>
                    ) : (
                      <span key={s.label}>{s.label} </span>
                    ),
                  )}
                </Caption1>
              )}
            </Card>
            <Card className={styles.section}>
              <Subtitle2 as="h2">Contacts</Subtitle2>
              {partner.contacts.length === 0 ? (
                <Body1>No contacts yet.</Body1>
              ) : (
                <div className={styles.tableWrap}>
                  <Table size="small" aria-label="Contacts">
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>Name</TableHeaderCell>
                        <TableHeaderCell>Role</TableHeaderCell>
                        <TableHeaderCell>Prefers</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {partner.contacts.map((c) => {
                        const person = people[c.personId];
                        return (
                          <TableRow key={c.personId}>
                            <TableCell>
                              {person?.displayName ?? '—'}
                              {c.isDecisionMaker && (
                                <Badge appearance="tint" color="brand">
                                  Decides
                                </Badge>
                              )}
                              {c.isEscalationContact && (
                                <Badge appearance="tint" color="warning">
                                  Escalation
                                </Badge>
                              )}
                              <br />
                              <Caption1>
                                {[person?.email, person?.phone].filter(Boolean).join(' · ')}
                              </Caption1>
                            </TableCell>
                            <TableCell>{c.role}</TableCell>
                            <TableCell>
                              {words(c.communicationStyle)}, {words(c.preferredChannel)}
                            </TableCell>
                          </TableRow>
                        );
                      })}
                    </TableBody>
                  </Table>
                </div>
              )}
            </Card>
          </div>
          <LoadState loaded={related} label="the partner's records">
            {({ meetings, actions, agreements, slas }) => (
              <div className={styles.grid} style={{ marginTop: tokens.spacingVerticalL }}>
                <Card className={styles.section}>
                  <Subtitle2 as="h2">Service levels</Subtitle2>
                  {slas.map(({ sla, readings }) => (
                    <div key={sla.id} className={styles.section}>
                      <Body1>
                        <strong>{sla.label ?? words(sla.metric)}</strong>: {targetWords(sla.target)}, measured{' '}
                        {sla.period}
                      </Body1>
                      <SlaChart sla={sla} readings={readings} />
                      <ReadingForm slaId={sla.id} onSaved={reloadAll} />
                    </div>
                  ))}
                  <SlaForm partnerId={partner.id} onSaved={reloadAll} />
                </Card>
                <Card className={styles.section}>
                  <Subtitle2 as="h2">Meetings</Subtitle2>
                  <Button onClick={() => setLogging('meeting')}>Log a meeting</Button>
                  <MeetingTimeline meetings={meetings.items} />
                </Card>
                <Card className={styles.section}>
                  <Subtitle2 as="h2">Actions</Subtitle2>
                  <Button onClick={() => setLogging('action')}>New action</Button>
                  <ul className={styles.list}>
                    {actions.items.map((a) => (
                      <li key={a.id}>
                        <ActionItem action={a} people={actions.people} onChanged={reloadAll} />
                      </li>
                    ))}
                  </ul>
                </Card>
                <Card className={styles.section}>
                  <Subtitle2 as="h2">Agreements</Subtitle2>
                  <Button onClick={() => setLogging('agreement')}>New agreement</Button>
                  {agreements.items.length === 0 && <Body1>No priority agreements yet.</Body1>}
                  <ul className={styles.list}>
                    {agreements.items.map((a) => (
                      <li key={a.id}>
                        <Link href={hrefOf({ view: 'agreements' })}>
                          {a.title} (v{a.versionNo}, {words(a.status)})
                        </Link>
                      </li>
                    ))}
                  </ul>
                </Card>
              </div>
            )}
          </LoadState>
          <Dialog open={editing} onOpenChange={(_, d) => setEditing(d.open)}>
            <DialogSurface>
              <DialogBody>
                <DialogTitle>Edit {partner.name}</DialogTitle>
                <DialogContent>
                  <PartnerForm
                    existing={{ partner, people, checkIn }}
                    onCancel={() => setEditing(false)}
                    onSaved={() => {
                      setEditing(false);
                      reloadAll();
                    }}
                  />
                </DialogContent>
              </DialogBody>
            </DialogSurface>
          </Dialog>
          <Dialog open={logging !== undefined} onOpenChange={(_, d) => !d.open && setLogging(undefined)}>
            <DialogSurface>
              <DialogBody>
                <DialogTitle>Log with {partner.name}</DialogTitle>
                <DialogContent>
                  {logging && (
                    <CardForm kind={logging} preset={{ partnerId: partner.id }} onSaved={reloadAll} />
                  )}
                </DialogContent>
              </DialogBody>
            </DialogSurface>
          </Dialog>
        </article>
      )}
    </LoadState>
  );
}
