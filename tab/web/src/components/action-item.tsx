import {
  Badge,
  Button,
  Caption1,
  Card,
  Field,
  Input,
  Select,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { ActionStatus, AgreedAction, People } from '../api/api-types';
import { formatDate, today, words } from '../format';
import { useServices } from '../services';
import { PersonName } from './person-name';

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalXS },
  overdue: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Whether an action still to do is past its due date. */
export function isOverdue(action: AgreedAction, on = today()): boolean {
  return ['open', 'in_progress', 'blocked'].includes(action.status) && action.dueDate < on;
}

/** One agreed action: what, who, when (overdue marked in words and colour), and changing its status. */
export function ActionItem(props: {
  action: AgreedAction;
  people: People;
  partnerName?: string;
  onChanged(action: AgreedAction): void;
}): ReactNode {
  const { api, locale } = useServices();
  const styles = useStyles();
  const { action } = props;
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [askingWhy, setAskingWhy] = useState(false);
  const [why, setWhy] = useState('');
  const overdue = isOverdue(action);

  async function move(status: ActionStatus, note?: string) {
    // Blocked needs a reason: ask for it beside the card (Teams' frames do not allow window.prompt).
    if (status === 'blocked' && note === undefined) return setAskingWhy(true);
    setBusy(true);
    setProblem(undefined);
    try {
      const view = await api.call<{ action: AgreedAction }>(`/actions/${action.id}/status`, {
        method: 'POST',
        body: { status, note },
        spaceId: action.spaceId,
      });
      setAskingWhy(false);
      props.onChanged(view.action);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      className={mergeClasses(styles.card, overdue && styles.overdue)}
      data-testid="action-item"
      data-overdue={overdue}
      aria-label={`${action.title}${overdue ? ', overdue' : ''}`}
    >
      <Text weight="semibold">{action.title}</Text>
      <div className={styles.line}>
        <PersonName person={props.people[action.ownerId]} fallback="Someone" />
        <Caption1>· due {formatDate(action.dueDate, locale)}</Caption1>
        {overdue && (
          <Badge color="danger" appearance="tint">
            Overdue
          </Badge>
        )}
        {props.partnerName && <Caption1>· {props.partnerName}</Caption1>}
      </div>
      <div className={styles.line}>
        <Select
          size="small"
          aria-label={`Status of ${action.title}`}
          value={action.status}
          disabled={busy}
          onChange={(_, d) => void move(d.value as ActionStatus)}
        >
          {(['open', 'in_progress', 'blocked', 'done', 'cancelled'] as const).map((s) => (
            <option key={s} value={s}>
              {words(s)}
            </option>
          ))}
        </Select>
        {action.status !== 'done' && (
          <Button size="small" appearance="primary" disabled={busy} onClick={() => void move('done')}>
            Mark done<span className="visually-hidden">: {action.title}</span>
          </Button>
        )}
      </div>
      {askingWhy && (
        <form
          className={styles.line}
          onSubmit={(e) => {
            e.preventDefault();
            void move('blocked', why);
          }}
        >
          <Field label="What blocks it?" size="small">
            <Input size="small" value={why} onChange={(_, d) => setWhy(d.value)} />
          </Field>
          <Button size="small" type="submit" disabled={busy}>
            Mark blocked
          </Button>
          <Button size="small" appearance="subtle" onClick={() => setAskingWhy(false)}>
            Cancel
          </Button>
        </form>
      )}
      {problem && (
        <Caption1 role="alert" className={styles.error}>
          {problem}
        </Caption1>
      )}
    </Card>
  );
}
