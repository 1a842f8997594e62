import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError, newIdempotencyKey } from '../api/api-client';
import type { CardJson } from '../api/api-types';
import { useServices } from '../services';
import { AdaptiveCardHost } from './adaptive-card-host';

/** What a saved form produced. */
export interface FormOutcome {
  readonly record: unknown;
  readonly card: CardJson;
}

/**
 * The bot's Adaptive Card form of one kind (meeting, action, agreement), in the page: fetched from
 * `/forms/:kind`, submitted to the same endpoint, replaced by the card the server answers with: the result, or
 * the same form with the user's values and errors.
 */
export function CardForm(props: {
  kind: string;
  preset?: Readonly<Record<string, string>>;
  onSaved?: (outcome: FormOutcome) => void;
}): ReactNode {
  const { api } = useServices();
  const [card, setCard] = useState<CardJson>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  // The form's default dates and "overdue" marks follow the user's own time zone.
  const query = { ...props.preset, tz: Intl.DateTimeFormat().resolvedOptions().timeZone };

  useEffect(() => {
    setCard(undefined);
    setProblem(undefined);
    api.call<{ card: CardJson }>(`/forms/${props.kind}`, { query }).then(
      (r) => setCard(r.card),
      (err: unknown) =>
        setProblem(
          err instanceof ApiError && err.status === 404
            ? `The ${props.kind} form is not available on this server yet.`
            : String(err instanceof Error ? err.message : err),
        ),
    );
  }, [api, props.kind, JSON.stringify(props.preset ?? {})]);

  async function execute(verb: string, data: Record<string, unknown>) {
    if (busy) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const outcome = await api.call<FormOutcome>(`/forms/${props.kind}`, {
        method: 'POST',
        query,
        body: { verb, data },
        idempotencyKey: key,
      });
      setCard(outcome.card);
      setKey(newIdempotencyKey());
      props.onSaved?.(outcome);
    } catch (err) {
      if (err instanceof ApiError && err.body.card) setCard(err.body.card as CardJson);
      else setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div aria-busy={busy}>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {!card && !problem && <Spinner size="small" label="Loading the form…" />}
      {card && (
        <AdaptiveCardHost card={card} label={`${props.kind} form`} onExecute={(v, d) => void execute(v, d)} />
      )}
    </div>
  );
}
