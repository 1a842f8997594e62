import { Badge, Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { EvidenceEvent, Page } from '../api/api-types';
import { loadTrail, reflectionsAndWitnesses, type TrailFilters } from '../api/evidence-client';
import { formatDateTime, words } from '../format';
import { useServices } from '../services';
import { useLoad } from '../use-load';
import { LoadState } from './load-state';

const useStyles = makeStyles({
  trail: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  criteria: { display: 'flex', flexWrap: 'wrap', gap: '4px' },
});

/** The evidence trail under the chosen filters, oldest first, then the reflections and witness confirmations in it. */
export function EvidenceTrail(props: {
  filters: TrailFilters;
  partnerNames: Record<string, string>;
}): ReactNode {
  const { api, locale } = useServices();
  const styles = useStyles();
  const [pages, setPages] = useState<Page<EvidenceEvent>[]>([]);
  const first = useLoad(async () => {
    const page = await loadTrail(api, props.filters);
    setPages([page]);
    return page;
  }, [api, JSON.stringify(props.filters)]);
  const events = pages.flatMap((p) => p.items);
  const last = pages[pages.length - 1];
  const { reflections, witnesses } = reflectionsAndWitnesses(events);
  return (
    <LoadState loaded={first} label="the trail">
      {() => (
        <>
          {events.length === 0 && <Body1>Nothing matches these filters.</Body1>}
          <ol className={styles.trail} aria-label="Evidence trail, oldest first">
            {events.map((e) => (
              <li key={e.id} data-testid="evidence-item">
                <Body1>
                  <strong>#{e.seq}</strong> {words(e.kind.replace('.', ' '))}: {summaryOf(e)}
                </Body1>
                <br />
                <Caption1>
                  Happened {formatDateTime(e.occurredAt, locale)} · recorded{' '}
                  {formatDateTime(e.recordedAt, locale)}
                  {e.partnerIds.length > 0 &&
                    ` · ${e.partnerIds.map((id) => props.partnerNames[id] ?? 'a partner').join(', ')}`}
                </Caption1>
                <div className={styles.criteria}>
                  {e.criteria.map((c) => (
                    <Badge key={c} size="small" appearance="outline">
                      {c}
                    </Badge>
                  ))}
                </div>
              </li>
            ))}
          </ol>
          {last?.nextCursor && (
            <Button
              onClick={() =>
                void loadTrail(api, props.filters, last.nextCursor ?? undefined).then((p) =>
                  setPages([...pages, p]),
                )
              }
            >
              Show more
            </Button>
          )}
          <Subtitle2 as="h3">Reflections</Subtitle2>
          {reflections.length === 0 ? (
            <Body1>No reflections among these items yet.</Body1>
          ) : (
            reflections.map((r) => <Body1 key={r.id}>{summaryOf(r)}</Body1>)
          )}
          <Subtitle2 as="h3">Witness confirmations</Subtitle2>
          {witnesses.length === 0 ? (
            <Body1>No witness confirmations among these items yet.</Body1>
          ) : (
            witnesses.map((w) => <Body1 key={w.id}>{summaryOf(w)}</Body1>)
          )}
        </>
      )}
    </LoadState>
  );
}

/** The line a trail item shows: the title or name its snapshot carries. */
function summaryOf(e: EvidenceEvent): string {
  const s = e.snapshot;
  const pick = (k: string) => (typeof s[k] === 'string' ? (s[k] as string) : undefined);
  return pick('title') ?? pick('name') ?? pick('partnerName') ?? pick('result') ?? e.subject.type;
}
