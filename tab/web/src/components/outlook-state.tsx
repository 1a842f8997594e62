import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { CalendarState } from '../api/api-types';

const useStyles = makeStyles({
  problem: { color: tokens.colorPaletteRedForeground1 },
  quiet: { color: tokens.colorNeutralForeground3 },
});

/**
 * Where one check-in stands with its owner's Outlook calendar, as the check-ins card says it in chat: in it,
 * on its way, or held up by a problem spelt out (a refused permission names what an administrator must grant).
 */
export function OutlookState(props: { state?: CalendarState }): ReactNode {
  const styles = useStyles();
  switch (props.state?.state) {
    case 'in_calendar':
      return <Caption1 className={styles.quiet}>In your Outlook calendar</Caption1>;
    case 'pending':
      return <Caption1 className={styles.quiet}>Being added to Outlook</Caption1>;
    case 'failing':
      return (
        <Caption1 className={styles.problem}>
          Not in Outlook yet. {props.state.problem} Partner CRM keeps trying.
        </Caption1>
      );
    default:
      return null;
  }
}
