import { Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  tools: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

/** A view's heading with its tools (buttons, filters) beside it, wrapping on narrow screens. */
export function PageHeader(props: { title: string; children?: ReactNode }): ReactNode {
  const styles = useStyles();
  return (
    <div className={styles.header}>
      <Title3 as="h1">{props.title}</Title3>
      <div className={styles.tools}>{props.children}</div>
    </div>
  );
}
