import { Body1, Caption1, Card, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type {
  AgreedAction,
  CheckInPage,
  Page,
  People,
  Reminder,
  ReminderPreferences,
  UnreachableOwner,
} from '../api/api-types';
import { ActionItem, isOverdue } from '../components/action-item';
import { ExportPanel } from '../components/export-panel';
import { LoadState } from '../components/load-state';
import { OutlookState } from '../components/outlook-state';
import { PageHeader } from '../components/page-header';
import { ReminderList } from '../components/reminder-list';
import { ReminderPreferencesForm } from '../components/reminder-preferences-form';
import { UnreachableOwners } from '../components/unreachable-owners';
import { formatDate, today } from '../format';
import { useServices } from '../services';
import { useLoad } from '../use-load';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  late: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * "My work": my actions and check-ins across every team and chat, my reminders (when they come, and every
 * delivery that failed), and my own evidence with its exports.
 */
export default function MyWorkView(): ReactNode {
  const { api, me, locale } = useServices();
  const styles = useStyles();
  const actions = useLoad(
    () =>
      api.call<Page<AgreedAction> & { people: People }>('/actions', {
        query: { mine: 'true', status: 'open,in_progress,blocked', limit: 100 },
      }),
    [api],
  );
  const checkIns = useLoad(
    () => api.call<CheckInPage>('/checkins', { query: { mine: 'true', limit: 50 } }),
    [api],
  );
  const reminders = useLoad(
    () => api.call<Page<Reminder>>('/reminders', { query: { status: 'pending,sending,failed', limit: 20 } }),
    [api],
  );
  const unreachable = useLoad(
    () => api.call<Page<UnreachableOwner> & { people: People }>('/reminders/unreachable-owners'),
    [api],
  );
  const preferences = useLoad(() => api.call<ReminderPreferences>('/me/reminder-preferences'), [api]);
  return (
    <section>
      <PageHeader title={`My work, ${me.user.displayName}`} />
      <div className={styles.grid}>
        <Card className={styles.section}>
          <Subtitle2 as="h2">My actions</Subtitle2>
          <LoadState loaded={actions} label="your actions">
            {(page) =>
              page.items.length === 0 ? (
                <Body1>Nothing to do. Well done.</Body1>
              ) : (
                <>
                  <Body1>
                    {page.items.length} to do, {page.items.filter((a) => isOverdue(a)).length} overdue.
                  </Body1>
                  <ul className={styles.list}>
                    {page.items.map((a) => (
                      <li key={a.id}>
                        <ActionItem action={a} people={page.people} onChanged={actions.reload} />
                      </li>
                    ))}
                  </ul>
                </>
              )
            }
          </LoadState>
        </Card>
        <Card className={styles.section}>
          <Subtitle2 as="h2">My check-ins</Subtitle2>
          <LoadState loaded={checkIns} label="your check-ins">
            {(page) =>
              page.items.length === 0 ? (
                <Body1>No check-ins scheduled for you.</Body1>
              ) : (
                <ul className={styles.list}>
                  {page.items.map((c) => (
                    <li key={c.id} className={styles.section}>
                      <Body1 className={c.nextDueDate < today() ? styles.late : undefined}>
                        {formatDate(c.nextDueDate, locale)}
                        {c.nextDueDate < today() ? ' (overdue)' : ''}: every {c.cadence.every}{' '}
                        {c.cadence.unit}
                        {c.cadence.every === 1 ? '' : 's'}
                      </Body1>
                      <OutlookState state={page.calendar?.[c.id]} />
                    </li>
                  ))}
                </ul>
              )
            }
          </LoadState>
          {!me.microsoftGraph.calendar && (
            <Caption1>
              An administrator can connect Microsoft Graph to put each of your check-ins in your Outlook
              calendar as well.
            </Caption1>
          )}
        </Card>
        <Card className={styles.section}>
          <Subtitle2 as="h2">My reminders</Subtitle2>
          <LoadState loaded={reminders} label="your reminders">
            {(page) =>
              page.items.length === 0 ? (
                <Body1>No reminders waiting, and none failed.</Body1>
              ) : (
                <ReminderList reminders={page.items} />
              )
            }
          </LoadState>
          <LoadState loaded={unreachable} label="colleagues we could not reach">
            {(page) =>
              page.items.length === 0 ? null : (
                <>
                  <Subtitle2 as="h3">Colleagues we could not reach</Subtitle2>
                  <UnreachableOwners items={page.items} people={page.people} />
                </>
              )
            }
          </LoadState>
          <Subtitle2 as="h3">When to remind me</Subtitle2>
          <LoadState loaded={preferences} label="your reminder settings">
            {(prefs) => <ReminderPreferencesForm initial={prefs} onSaved={reminders.reload} />}
          </LoadState>
        </Card>
        <Card className={styles.section}>
          <Subtitle2 as="h2">My evidence and exports</Subtitle2>
          <Body1>
            Everything you log is dated evidence for CFACSB9. Export your trail from this space for your
            portfolio; the Evidence page shows coverage and the full trail.
          </Body1>
          <ExportPanel filters={{}} />
          {!me.microsoftGraph.people && (
            <Caption1>
              With Microsoft Graph connected, exports also give each colleague&apos;s job title, so an
              assessor sees who they are.
            </Caption1>
          )}
        </Card>
      </div>
    </section>
  );
}
