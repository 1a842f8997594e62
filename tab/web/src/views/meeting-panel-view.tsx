import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Select,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/api-client';
import type { AgreedAction, Agreement, Meeting, MeetingDraft, Page, Partner, People } from '../api/api-types';
import { CardForm } from '../components/card-form';
import { LoadState } from '../components/load-state';
import { formatDate, today } from '../format';
import { useServices } from '../services';
import { useLoad } from '../use-load';

/** Open actions and agreements the panel lists for the partner: a side panel shows a handful, not a board. */
const PANEL_LIMIT = 20;

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  item: { marginBottom: tokens.spacingVerticalXS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

type Capturing = 'action' | 'agreement' | 'decision' | undefined;

/**
 * The meeting side panel (and stage): during a meeting with a partner, the partner's open actions, current
 * agreements and last meeting, and what the attendees capture as it is agreed (actions, decisions, an
 * agreement), which becomes the meeting's draft: the meeting-end form starts from it. Laid out in one column
 * for Teams' 280–320 px side panel.
 */
export default function MeetingPanelView(): ReactNode {
  const { api, locale } = useServices();
  const styles = useStyles();
  const [capturing, setCapturing] = useState<Capturing>();
  const [problem, setProblem] = useState<string>();
  const partners = useLoad(() => api.call<Page<Partner>>('/partners', { query: { limit: 100 } }), [api]);
  const draft = useLoad(() => api.call<MeetingDraft>('/meeting-draft'), [api]);
  const partnerId = draft.value?.draft?.partnerId;

  async function capture(body: unknown): Promise<void> {
    setProblem(undefined);
    try {
      await api.call<MeetingDraft>('/meeting-draft', { method: 'POST', body });
      draft.reload();
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : String(err));
    }
  }

  return (
    <div className={styles.panel} data-testid="meeting-panel">
      <Subtitle2 as="h1">In this meeting</Subtitle2>
      <LoadState loaded={partners} label="partners">
        {(page) => (
          <Field label="Partner you are meeting">
            <Select
              value={partnerId ?? ''}
              onChange={(_, data) => data.value && void capture({ kind: 'partner', partnerId: data.value })}
            >
              <option value="">Choose a partner</option>
              {page.items.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </LoadState>
      {problem && (
        <Body1 role="alert" className={styles.muted}>
          {problem}
        </Body1>
      )}
      {partnerId && <PartnerBrief partnerId={partnerId} locale={locale} />}
      <LoadState loaded={draft} label="what was captured">
        {(d) => <Captured draft={d} locale={locale} />}
      </LoadState>
      <section className={styles.section} aria-labelledby="capture-heading">
        <Subtitle2 as="h2" id="capture-heading">
          Capture as it is agreed
        </Subtitle2>
        <div className={styles.buttons}>
          <Button onClick={() => setCapturing('action')}>Agreed action</Button>
          <Button onClick={() => setCapturing('agreement')}>Priority agreement</Button>
          <Button onClick={() => setCapturing('decision')}>Decision</Button>
        </div>
        {capturing === 'action' && (
          <CardForm
            kind="meeting-action"
            preset={partnerId ? { partnerId } : undefined}
            onSaved={() => draft.reload()}
          />
        )}
        {capturing === 'agreement' && <CardForm kind="meeting-agreement" onSaved={() => draft.reload()} />}
        {capturing === 'decision' && (
          <DecisionForm
            onAdd={async (text) => {
              await capture({ kind: 'decision', text });
            }}
          />
        )}
      </section>
    </div>
  );
}

/** The partner's open actions, current agreements and the last meeting with them. */
function PartnerBrief(props: { partnerId: string; locale: string }): ReactNode {
  const { api } = useServices();
  const styles = useStyles();
  const brief = useLoad(async () => {
    const q = { partnerId: props.partnerId, limit: PANEL_LIMIT };
    const [actions, agreements, meetings] = await Promise.all([
      api.call<Page<AgreedAction> & { people: People }>('/actions', {
        query: { ...q, status: 'open,in_progress,blocked' },
      }),
      api.call<Page<Agreement>>('/agreements', { query: { ...q, status: 'proposed,agreed' } }),
      api.call<Page<Meeting>>('/meetings', { query: { partnerId: props.partnerId, limit: 1 } }),
    ]);
    return { actions, agreements, last: meetings.items[0] };
  }, [api, props.partnerId]);
  const now = today();
  return (
    <LoadState loaded={brief} label="the partner’s work">
      {({ actions, agreements, last }) => (
        <>
          <section className={styles.section} aria-labelledby="open-actions-heading">
            <Subtitle2 as="h2" id="open-actions-heading">
              Open actions ({actions.items.length})
            </Subtitle2>
            {actions.items.length === 0 ? (
              <Caption1 className={styles.muted}>None open.</Caption1>
            ) : (
              <ul className={styles.list}>
                {actions.items.map((a) => (
                  <li key={a.id} className={styles.item}>
                    <Body1>{a.title}</Body1>{' '}
                    <Caption1 className={styles.muted}>
                      {actions.people[a.ownerId]?.displayName ?? 'Someone'}, due{' '}
                      {formatDate(a.dueDate, props.locale)}
                    </Caption1>{' '}
                    {a.dueDate < now && (
                      <Badge appearance="tint" color="danger" size="small">
                        Overdue
                      </Badge>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className={styles.section} aria-labelledby="agreements-heading">
            <Subtitle2 as="h2" id="agreements-heading">
              Current agreements ({agreements.items.length})
            </Subtitle2>
            {agreements.items.length === 0 ? (
              <Caption1 className={styles.muted}>No agreement yet.</Caption1>
            ) : (
              <ul className={styles.list}>
                {agreements.items.map((a) => (
                  <li key={a.id} className={styles.item}>
                    <Body1>{a.title}</Body1>{' '}
                    <Caption1 className={styles.muted}>
                      {a.status === 'agreed' ? 'agreed by every party' : 'waiting for acknowledgements'}
                    </Caption1>
                    <ol className={styles.list}>
                      {a.priorityRule.map((step, i) => (
                        <li key={i}>
                          <Caption1>{step}</Caption1>
                        </li>
                      ))}
                    </ol>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className={styles.section} aria-labelledby="last-meeting-heading">
            <Subtitle2 as="h2" id="last-meeting-heading">
              Last meeting
            </Subtitle2>
            {!last ? (
              <Caption1 className={styles.muted}>None logged yet.</Caption1>
            ) : (
              <>
                <Body1>
                  {last.title}, {formatDate(last.occurredAt, props.locale)}
                </Body1>
                {last.decisions.length > 0 && (
                  <ul className={styles.list} aria-label="Decisions at the last meeting">
                    {last.decisions.map((d, i) => (
                      <li key={i}>
                        <Caption1>{d}</Caption1>
                      </li>
                    ))}
                  </ul>
                )}
                {last.minutes && <Caption1 className={styles.muted}>{clip(last.minutes, 300)}</Caption1>}
              </>
            )}
          </section>
        </>
      )}
    </LoadState>
  );
}

/** What attendees captured so far: it fills the meeting-end form. */
function Captured(props: { draft: MeetingDraft; locale: string }): ReactNode {
  const styles = useStyles();
  const d = props.draft.draft;
  const empty = !d || (d.actions.length === 0 && d.decisions.length === 0);
  return (
    <section className={styles.section} aria-labelledby="captured-heading" data-testid="captured">
      <Subtitle2 as="h2" id="captured-heading">
        Captured for the meeting record
      </Subtitle2>
      {empty ? (
        <Caption1 className={styles.muted}>
          Nothing yet. What you capture here fills the meeting form when the meeting ends.
        </Caption1>
      ) : (
        <ul className={styles.list}>
          {d.actions.map((a, i) => (
            <li key={`a${i}`} className={styles.item}>
              <Body1>{a.title}</Body1>{' '}
              <Caption1 className={styles.muted}>
                {props.draft.people[a.ownerId]?.displayName ?? 'Someone'}, due{' '}
                {formatDate(a.dueDate, props.locale)}
              </Caption1>
            </li>
          ))}
          {d.decisions.map((text, i) => (
            <li key={`d${i}`} className={styles.item}>
              <Body1>Decided: {text}</Body1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A decision as agreed, in the attendees' words. */
function DecisionForm(props: { onAdd: (text: string) => Promise<void> }): ReactNode {
  const [text, setText] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim() === '') return;
        void props.onAdd(text.trim()).then(() => setText(''));
      }}
    >
      <Field label="Decision">
        <Textarea
          value={text}
          maxLength={1000}
          onChange={(_, data) => setText(data.value)}
          resize="vertical"
        />
      </Field>
      <Button type="submit" appearance="primary" style={{ marginTop: tokens.spacingVerticalS }}>
        Add decision
      </Button>
    </form>
  );
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
