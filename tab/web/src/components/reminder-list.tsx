import { Badge, Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { DeliveryAttempt, Reminder } from '../api/api-types';
import { formatDate, formatDateTime, words } from '../format';
import { useServices } from '../services';
import { useLoad } from '../use-load';
import { LoadState } from './load-state';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  log: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

const STATUS_COLOUR = {
  pending: 'informative',
  sending: 'informative',
  delivered: 'success',
  failed: 'danger',
  cancelled: 'subtle',
} as const;

/** Reminders in the order the API gives them (soonest first), each with its delivery log on request. */
export function ReminderList(props: { reminders: readonly Reminder[] }): ReactNode {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {props.reminders.map((r) => (
        <li key={r.id}>
          <ReminderLine reminder={r} />
        </li>
      ))}
    </ul>
  );
}

function ReminderLine({ reminder: r }: { reminder: Reminder }): ReactNode {
  const { locale } = useServices();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <div>
      <div className={styles.line}>
        <Body1>
          {words(r.kind)}, {formatDate(r.occursOn, locale)}
        </Body1>
        <Badge appearance="tint" color={STATUS_COLOUR[r.status]}>
          {words(r.status)}
        </Badge>
        <Button size="small" appearance="subtle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide delivery log' : 'Delivery log'}
        </Button>
      </div>
      <Caption1>{whenWords(r, locale)}</Caption1>
      {open && <DeliveryLog reminderId={r.id} />}
    </div>
  );
}

/** When it came, or when it is to come, or why it did not. */
function whenWords(r: Reminder, locale: string): string {
  if (r.status === 'delivered' && r.deliveredAt) return `Delivered ${formatDateTime(r.deliveredAt, locale)}`;
  if (r.status === 'failed') return `Could not be delivered: ${r.lastError ?? 'no reason recorded'}`;
  if (r.status === 'cancelled') return 'Cancelled';
  if (r.nextAttemptAt) return `Retrying ${formatDateTime(r.nextAttemptAt, locale)} (${r.lastError ?? ''})`;
  return `Due ${formatDateTime(r.dueAt, locale)}`;
}

/** Each delivery route in words. */
const ROUTE_WORDS: Record<NonNullable<DeliveryAttempt['route']>, string> = {
  personal: 'via personal chat',
  'installed-via-graph': 'via a personal chat made by installing the app for them',
  space: 'via team or chat',
  'mention-in-space': 'via team or chat, @mentioning them',
  'assigner-told': 'reaching nobody: whoever assigned it was told',
  unreachable: 'reaching nobody',
};

function DeliveryLog(props: { reminderId: string }): ReactNode {
  const { api, locale } = useServices();
  const styles = useStyles();
  const log = useLoad(
    () => api.call<{ items: DeliveryAttempt[] }>(`/reminders/${props.reminderId}/deliveries`),
    [api, props.reminderId],
  );
  return (
    <LoadState loaded={log} label="the delivery log">
      {({ items }) =>
        items.length === 0 ? (
          <Caption1>No attempt yet.</Caption1>
        ) : (
          <ol className={styles.log} aria-label="Delivery attempts">
            {items.map((a) => (
              <li key={a.attempt}>
                <Caption1>
                  {formatDateTime(a.at, locale)}: {words(a.outcome)}
                  {a.route ? ` ${ROUTE_WORDS[a.route]}` : ''}
                  {a.statusCode ? `, HTTP ${a.statusCode}` : ''}
                  {a.detail ? `, ${a.detail}` : ''}
                </Caption1>
              </li>
            ))}
          </ol>
        )
      }
    </LoadState>
  );
}
