import {
  Button,
  Caption1,
  Field,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { AgreedAction, Page, PartnerBoardPage, People } from '../api/api-types';
import { ActionItem } from '../components/action-item';
import { CardForm } from '../components/card-form';
import { FormDialog } from '../components/form-dialog';
import { LoadState } from '../components/load-state';
import { PageHeader } from '../components/page-header';
import { today } from '../format';
import { useServices } from '../services';
import { useLoad } from '../use-load';
import { groupActions, type GroupBy } from './action-groups';

const useStyles = makeStyles({
  board: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  column: {
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

/** Most actions the board shows at once: to-do ones first, then the latest done. */
const BOARD_LIMIT = 100;

/** The action board: agreed actions by status, owner or due date; overdue ones marked; done from the board. */
export default function ActionBoardView(): ReactNode {
  const { api } = useServices();
  const styles = useStyles();
  const [groupBy, setGroupBy] = useState<GroupBy>('status');
  const [sort, setSort] = useState<'due' | '-due'>('due');
  const [ownerId, setOwnerId] = useState('');
  const [adding, setAdding] = useState(false);
  // Closing a dialog puts focus back on the button that opened it.
  const returnFocusHere = useRestoreFocusTarget();
  const loaded = useLoad(async () => {
    const query = { sort, ownerId: ownerId || undefined, limit: BOARD_LIMIT };
    const [toDo, done, partners] = await Promise.all([
      api.call<Page<AgreedAction> & { people: People }>('/actions', {
        query: { ...query, status: 'open,in_progress,blocked' },
      }),
      api.call<Page<AgreedAction> & { people: People }>('/actions', {
        query: { ...query, status: 'done', sort: '-due', limit: 20 },
      }),
      api.call<PartnerBoardPage>('/partners', { query: { limit: 100 } }),
    ]);
    return {
      actions: [...toDo.items, ...done.items],
      people: { ...toDo.people, ...done.people },
      partnerNames: Object.fromEntries(partners.items.map((p) => [p.id, p.name])),
      more: toDo.nextCursor !== null,
    };
  }, [api, sort, ownerId]);

  return (
    <section>
      <PageHeader title="Actions">
        <Field label="Group by">
          <Select value={groupBy} onChange={(_, d) => setGroupBy(d.value as GroupBy)}>
            <option value="status">Status</option>
            <option value="owner">Owner</option>
            <option value="due">Due date</option>
          </Select>
        </Field>
        <Field label="Order">
          <Select value={sort} onChange={(_, d) => setSort(d.value as 'due' | '-due')}>
            <option value="due">Earliest due first</option>
            <option value="-due">Latest due first</option>
          </Select>
        </Field>
        <Field label="Owner">
          <Select value={ownerId} onChange={(_, d) => setOwnerId(d.value)}>
            <option value="">Everyone</option>
            {Object.values(loaded.value?.people ?? {}).map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </Select>
        </Field>
        <Button {...returnFocusHere} appearance="primary" onClick={() => setAdding(true)}>
          New action
        </Button>
      </PageHeader>
      <LoadState loaded={loaded} label="actions">
        {({ actions, people, partnerNames, more }) => (
          <>
            <div className={styles.board}>
              {groupActions(actions, groupBy, people, today()).map((g) => (
                <section
                  key={g.key}
                  className={styles.column}
                  aria-label={`${g.title}, ${g.actions.length}`}
                  data-testid={`column-${g.key}`}
                >
                  <Subtitle2 as="h2">
                    {g.title} ({g.actions.length})
                  </Subtitle2>
                  <ul className={styles.list}>
                    {g.actions.map((a) => (
                      <li key={a.id}>
                        <ActionItem
                          action={a}
                          people={people}
                          partnerName={a.partnerId ? partnerNames[a.partnerId] : undefined}
                          onChanged={loaded.reload}
                        />
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
            {more && (
              <Caption1>
                Showing the first {BOARD_LIMIT} actions to do; filter by owner to see others.
              </Caption1>
            )}
          </>
        )}
      </LoadState>
      <FormDialog title="New agreed action" open={adding} onClose={() => setAdding(false)}>
        <CardForm kind="action" onSaved={loaded.reload} />
      </FormDialog>
    </section>
  );
}
