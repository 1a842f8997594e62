import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { People, UnreachableOwner } from '../api/api-types';
import { formatDate, formatDateTime } from '../format';
import { useServices } from '../services';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

/**
 * Colleagues the app could not reach about work the caller gave them (no chat with the app, none could be made,
 * nowhere to @mention them): the caller is told here, and once in chat, so they can pass the word on.
 */
export function UnreachableOwners(props: { items: readonly UnreachableOwner[]; people: People }): ReactNode {
  const { locale } = useServices();
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="Colleagues we could not reach">
      {props.items.map((u) => (
        <li key={`${u.subjectId}:${u.ownerId}`}>
          <Body1>
            We could not reach {props.people[u.ownerId]?.displayName ?? 'a colleague'} about “{u.title}” (
            {formatDate(u.date, locale)}): please let them know yourself.
          </Body1>
          <Caption1> Since {formatDateTime(u.at, locale)}.</Caption1>
        </li>
      ))}
    </ul>
  );
}
