import {
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Link,
  SearchBox,
  Select,
  Switch,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { PartnerBoardPage } from '../api/api-types';
import { FormDialog } from '../components/form-dialog';
import { HealthBadge } from '../components/health-badge';
import { LoadState } from '../components/load-state';
import { PageHeader } from '../components/page-header';
import { PartnerForm } from '../components/partner-form';
import { formatDate, words } from '../format';
import { hrefOf, navigate } from '../router';
import { useServices } from '../services';
import { useLoad } from '../use-load';
import { PersonName } from '../components/person-name';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: '2px',
  },
  reasons: { color: tokens.colorPaletteRedForeground1, margin: 0, paddingLeft: tokens.spacingHorizontalL },
  more: { marginTop: tokens.spacingVerticalM },
  empty: { padding: tokens.spacingVerticalXXL, textAlign: 'center' },
});

/** Worst first. */
const HEALTH_RANK = { at_risk: 0, attention: 1, good: 2 } as const;

/** The partner board: every partner of the space with its health, and adding a partner. */
export default function PartnersView(): ReactNode {
  const { api, locale, tab } = useServices();
  const styles = useStyles();
  const [q, setQ] = useState('');
  const [archived, setArchived] = useState(false);
  const [adding, setAdding] = useState(false);
  // Closing a dialog puts focus back on the button that opened it.
  const returnFocusHere = useRestoreFocusTarget();
  const [order, setOrder] = useState<'name' | 'health'>('name');
  const [pages, setPages] = useState<PartnerBoardPage[]>([]);
  const status = archived ? 'archived' : 'active';
  const first = useLoad(async () => {
    const page = await api.call<PartnerBoardPage>('/partners', {
      query: { include: 'health', status, q, limit: 50 },
    });
    setPages([page]);
    return page;
  }, [api, status, q]);
  const last = pages[pages.length - 1];
  const loadMore = async () => {
    if (!last?.nextCursor) return;
    const next = await api.call<PartnerBoardPage>('/partners', {
      query: { include: 'health', status, q, limit: 50, cursor: last.nextCursor },
    });
    setPages((ps) => [...ps, next]);
  };

  return (
    <section>
      <PageHeader title="Partners">
        <SearchBox
          aria-label="Find a partner by name"
          placeholder="Find a partner"
          value={q}
          onChange={(_, d) => setQ(d.value)}
        />
        <Select
          aria-label="Order partners"
          value={order}
          onChange={(_, d) => setOrder(d.value as 'name' | 'health')}
        >
          <option value="name">A to Z</option>
          <option value="health">Needing attention first</option>
        </Select>
        <Switch label="Archived" checked={archived} onChange={(_, d) => setArchived(d.checked)} />
        <Button {...returnFocusHere} appearance="primary" onClick={() => setAdding(true)}>
          Add partner
        </Button>
      </PageHeader>
      <LoadState loaded={first} label="partners">
        {() => {
          const loaded = pages.flatMap((p) => p.items.map((partner) => ({ partner, page: p })));
          // The API pages A to Z; "needing attention first" reorders what is loaded (health is judged per page).
          const items =
            order === 'name'
              ? loaded
              : [...loaded].sort(
                  (a, b) =>
                    HEALTH_RANK[a.page.health[a.partner.id]?.level ?? 'good'] -
                    HEALTH_RANK[b.page.health[b.partner.id]?.level ?? 'good'],
                );
          if (items.length === 0)
            return (
              <div className={styles.empty}>
                <Body1>
                  {q || archived
                    ? 'No partner matches.'
                    : 'No partners yet. Add the first one in your service chain.'}
                </Body1>
                {!q && !archived && !tab.inTeams && (
                  <Body1 as="p">
                    Trying it out? <code>npm run seed:demo</code> fills this space with a month of demo
                    partner work.
                  </Body1>
                )}
              </div>
            );
          return (
            <>
              <ul
                className={styles.grid}
                aria-label="Partners"
                style={{ listStyle: 'none', padding: 0, margin: 0 }}
              >
                {items.map(({ partner, page }) => {
                  const health = page.health[partner.id];
                  return (
                    <li key={partner.id}>
                      <Card data-testid="partner-card">
                        <CardHeader
                          header={
                            <Link href={hrefOf({ view: 'partner', id: partner.id })}>
                              <Text weight="semibold">{partner.name}</Text>
                            </Link>
                          }
                          description={
                            <Caption1>
                              {words(partner.kind)} · {partner.chain.direction} stage {partner.chain.stage}
                            </Caption1>
                          }
                          action={<HealthBadge health={health} />}
                        />
                        <div className={styles.facts}>
                          <Caption1>Owner</Caption1>
                          <PersonName person={page.people[partner.relationshipOwnerId]} fallback="—" />
                          <Caption1>Next check-in</Caption1>
                          <Caption1>
                            {health?.checkIn
                              ? formatDate(health.checkIn.nextDueDate, locale)
                              : 'None scheduled'}
                          </Caption1>
                          <Caption1>Actions</Caption1>
                          <Caption1>
                            {health?.actions.open ?? 0} open, {health?.actions.overdue ?? 0} overdue
                          </Caption1>
                          <Caption1>SLAs</Caption1>
                          <Caption1>
                            {health?.slas.total
                              ? `${health.slas.met} met, ${health.slas.missed} missed of ${health.slas.total}`
                              : 'None'}
                          </Caption1>
                        </div>
                        {health && health.reasons.length > 0 && (
                          <ul className={styles.reasons}>
                            {health.reasons.map((r) => (
                              <li key={r}>
                                <Caption1>{r}</Caption1>
                              </li>
                            ))}
                          </ul>
                        )}
                      </Card>
                    </li>
                  );
                })}
              </ul>
              {last?.nextCursor && (
                <Button className={styles.more} onClick={() => void loadMore()}>
                  Show more partners
                </Button>
              )}
            </>
          );
        }}
      </LoadState>
      <FormDialog title="Add a partner" open={adding} onClose={() => setAdding(false)}>
        <PartnerForm
          onCancel={() => setAdding(false)}
          onSaved={(view) => {
            setAdding(false);
            navigate({ view: 'partner', id: view.partner.id });
          }}
        />
      </FormDialog>
    </section>
  );
}
