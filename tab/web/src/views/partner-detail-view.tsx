import {
  Badge,
  Body1,
  Button,
  Card,
  Link,
  Subtitle2,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
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
import { FormDialog } from '../components/form-dialog';
import { HealthBadge } from '../components/health-badge';
import { LoadState } from '../components/load-state';
import { MeetingTimeline } from '../components/meeting-timeline';
import { PageHeader } from '../components/page-header';
import { PartnerContacts } from '../components/partner-contacts';
import { PartnerForm } from '../components/partner-form';
import { PartnerRelationship } from '../components/partner-relationship';
import { SlaChart } from '../components/sla-chart';
import { ReadingForm, SlaForm } from '../components/sla-forms';
import { targetWords, words } from '../format';
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
  const { api } = useServices();
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  // Closing a dialog puts focus back on the button that opened it.
  const returnFocusHere = useRestoreFocusTarget();
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
            <Button {...returnFocusHere} onClick={() => setEditing(true)}>
              Edit
            </Button>
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
            <PartnerRelationship partner={partner} people={people} checkIn={checkIn} health={health} />
            <PartnerContacts partner={partner} people={people} />
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
                  <Button {...returnFocusHere} onClick={() => setLogging('meeting')}>
                    Log a meeting
                  </Button>
                  <MeetingTimeline meetings={meetings.items} />
                </Card>
                <Card className={styles.section}>
                  <Subtitle2 as="h2">Actions</Subtitle2>
                  <Button {...returnFocusHere} onClick={() => setLogging('action')}>
                    New action
                  </Button>
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
                  <Button {...returnFocusHere} onClick={() => setLogging('agreement')}>
                    New agreement
                  </Button>
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
          <FormDialog title={`Edit ${partner.name}`} open={editing} onClose={() => setEditing(false)}>
            <PartnerForm
              existing={{ partner, people, checkIn }}
              onCancel={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                reloadAll();
              }}
            />
          </FormDialog>
          <FormDialog
            title={`Log with ${partner.name}`}
            open={logging !== undefined}
            onClose={() => setLogging(undefined)}
          >
            {logging && <CardForm kind={logging} preset={{ partnerId: partner.id }} onSaved={reloadAll} />}
          </FormDialog>
        </article>
      )}
    </LoadState>
  );
}
