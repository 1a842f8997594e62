import { Badge, Caption1, Body1 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Person } from '../api/api-types';

/**
 * A person's name where the tab shows people, with a "pending" badge for a colleague picked before anything could
 * name them (they are shown by the id picked, or a name a colleague typed on a card, until they write to the bot,
 * a roster or the directory names them). The badge says so in words to screen readers too.
 */
export function PersonName(props: {
  person: Person | undefined;
  /** Shown when the person is not in the page's people (not visible from here). */
  fallback: string;
  /** Caption size beside other captions, body size elsewhere. */
  size?: 'caption' | 'body';
}): ReactNode {
  const Text = props.size === 'body' ? Body1 : Caption1;
  const { person } = props;
  return (
    <Text>
      {person?.displayName ?? props.fallback}
      {person?.pending && (
        <>
          {' '}
          <Badge
            appearance="outline"
            color="informative"
            size="small"
            data-testid="pending-person"
            aria-label={
              person.nameTypedBy
                ? 'pending: shown by a name a colleague typed, until Teams names them'
                : 'pending: not yet named, shown by the id that was picked'
            }
          >
            pending
          </Badge>
        </>
      )}
    </Text>
  );
}
