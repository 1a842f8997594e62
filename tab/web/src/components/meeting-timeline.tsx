import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { CardJson, Meeting } from '../api/api-types';
import { formatDateTime, words } from '../format';
import { useServices } from '../services';
import { AdaptiveCardHost } from './adaptive-card-host';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    borderLeft: `2px solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  item: { paddingLeft: tokens.spacingHorizontalM },
});

/** Meetings newest first; each opens into the same summary card the bot posted for it. */
export function MeetingTimeline(props: { meetings: readonly Meeting[] }): ReactNode {
  const { api, locale } = useServices();
  const styles = useStyles();
  const [cards, setCards] = useState<Record<string, CardJson>>({});
  if (props.meetings.length === 0) return <Body1>No meetings logged yet.</Body1>;
  const open = async (id: string) =>
    setCards({ ...cards, [id]: (await api.call<{ card: CardJson }>(`/cards/meeting/${id}`)).card });
  return (
    <ol className={styles.list} aria-label="Meetings, newest first">
      {props.meetings.map((m) => (
        <li key={m.id} className={styles.item} data-testid="meeting-item">
          <Body1>
            <strong>{m.title}</strong>
          </Body1>
          <br />
          <Caption1>
            {formatDateTime(m.occurredAt, locale)} · {words(m.type)} · {m.decisions.length} decisions,{' '}
            {m.actionIds.length} actions
          </Caption1>
          <div>
            {cards[m.id] ? (
              <AdaptiveCardHost card={cards[m.id]!} label={`Meeting card: ${m.title}`} />
            ) : (
              <Button size="small" appearance="subtle" onClick={() => void open(m.id)}>
                Show card<span className="visually-hidden">: {m.title}</span>
              </Button>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
