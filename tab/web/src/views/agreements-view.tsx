import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  Subtitle2,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { Agreement, Page, People } from '../api/api-types';
import { CardForm } from '../components/card-form';
import { FormDialog } from '../components/form-dialog';
import { LoadState } from '../components/load-state';
import { PageHeader } from '../components/page-header';
import { formatDate, formatDateTime, words } from '../format';
import { useServices } from '../services';
import { useLoad } from '../use-load';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  older: {
    opacity: 0.85,
    borderLeft: `3px solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalM,
  },
  parties: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  error: { color: tokens.colorPaletteRedForeground1 },
});

interface Series {
  readonly current: Agreement;
  readonly earlier: readonly Agreement[];
}

/** Conflict-priority agreements: the current version of each, its earlier versions, and who acknowledged when. */
export default function AgreementsView(): ReactNode {
  const { api } = useServices();
  const styles = useStyles();
  const [adding, setAdding] = useState(false);
  // Closing a dialog puts focus back on the button that opened it.
  const returnFocusHere = useRestoreFocusTarget();
  const loaded = useLoad(async () => {
    const page = await api.call<Page<Agreement>>('/agreements', { query: { limit: 50 } });
    // The list carries ids only; each version's view names its representatives and acknowledgers.
    const views = await Promise.all(
      page.items.map((a) => api.call<{ agreement: Agreement; people: People }>(`/agreements/${a.id}`)),
    );
    const people: People = Object.assign({}, ...views.map((v) => v.people));
    const bySeries = new Map<string, Agreement[]>();
    for (const a of page.items) bySeries.set(a.seriesId, [...(bySeries.get(a.seriesId) ?? []), a]);
    const series: Series[] = [...bySeries.values()].map((versions) => {
      const sorted = [...versions].sort((a, b) => b.versionNo - a.versionNo);
      const current = sorted.find((v) => v.status !== 'superseded') ?? sorted[0]!;
      return { current, earlier: sorted.filter((v) => v !== current) };
    });
    return { series, people };
  }, [api]);

  return (
    <section>
      <PageHeader title="Agreements">
        <Button {...returnFocusHere} appearance="primary" onClick={() => setAdding(true)}>
          New agreement
        </Button>
      </PageHeader>
      <LoadState loaded={loaded} label="agreements">
        {({ series, people }) =>
          series.length === 0 ? (
            <Body1>No conflict-priority agreements yet.</Body1>
          ) : (
            <ul className={styles.list}>
              {series.map((s) => (
                <li key={s.current.seriesId}>
                  <Card>
                    <AgreementVersion agreement={s.current} people={people} onChanged={loaded.reload} />
                    {s.earlier.length > 0 && (
                      <details>
                        <summary>
                          {s.earlier.length} earlier version{s.earlier.length === 1 ? '' : 's'}
                        </summary>
                        {s.earlier.map((a) => (
                          <div key={a.id} className={styles.older}>
                            <AgreementVersion agreement={a} people={people} onChanged={loaded.reload} />
                          </div>
                        ))}
                      </details>
                    )}
                  </Card>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
      <FormDialog title="New conflict-priority agreement" open={adding} onClose={() => setAdding(false)}>
        <CardForm kind="agreement" onSaved={loaded.reload} />
      </FormDialog>
    </section>
  );
}

function AgreementVersion(props: { agreement: Agreement; people: People; onChanged(): void }): ReactNode {
  const { api, locale } = useServices();
  const styles = useStyles();
  const [problem, setProblem] = useState<string>();
  const a = props.agreement;
  const name = (id?: string) => (id ? (props.people[id]?.displayName ?? 'someone') : undefined);
  const acknowledge = async () => {
    setProblem(undefined);
    try {
      await api.call(`/agreements/${a.id}/acknowledge`, { method: 'POST', body: {} });
      props.onChanged();
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div data-testid="agreement-version" data-status={a.status}>
      <Subtitle2 as="h2">
        {a.title}{' '}
        <Badge
          appearance="tint"
          color={a.status === 'agreed' ? 'success' : a.status === 'superseded' ? 'subtle' : 'warning'}
        >
          v{a.versionNo} · {words(a.status)}
        </Badge>
      </Subtitle2>
      <Caption1>
        In effect {formatDate(a.effectiveFrom, locale)}, review {formatDate(a.reviewDate, locale)}
      </Caption1>
      <Body1 as="p">
        When <em>{a.scenario.internalDemand}</em> collides with <em>{a.scenario.externalDemand}</em>:
      </Body1>
      <ol>
        {a.priorityRule.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {a.escalationRoute.length > 0 && <Caption1>Escalation: {a.escalationRoute.join(' → ')}</Caption1>}
      <ul className={styles.parties} aria-label="Parties and acknowledgements">
        {a.parties.map((p) => {
          const ack = a.acknowledgements.find((x) => x.partyId === p.id);
          return (
            <li key={p.id}>
              <Body1>
                {p.name}:{' '}
                {ack
                  ? `acknowledged by ${name(ack.personId)} on ${formatDateTime(ack.at, locale)}`
                  : `waiting${p.representativeId ? ` for ${name(p.representativeId)}` : ''}`}
              </Body1>
            </li>
          );
        })}
      </ul>
      {a.status === 'proposed' && (
        <Button size="small" onClick={() => void acknowledge()}>
          Acknowledge<span className="visually-hidden">: {a.title}</span>
        </Button>
      )}
      {problem && (
        <Caption1 role="alert" className={styles.error}>
          {problem}
        </Caption1>
      )}
    </div>
  );
}
