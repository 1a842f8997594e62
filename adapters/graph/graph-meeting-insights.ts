import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { ForbiddenError } from '../../core/errors';
import type {
  AiActionItem,
  AiMeetingNote,
  InsightsReading,
  MeetingInsightsSource,
} from '../../core/meetings/meeting-insights';
import { graphFailure } from './graph-failure';

/** The application permission Copilot's meeting insights need (Graph's callAiInsight pages). */
export const INSIGHTS_PERMISSION = 'OnlineMeetingAiInsight.Read.All';
const DOING = "read Microsoft 365 Copilot's insights of a Teams meeting";
/**
 * How far outside the occurrence's recorded times an insight set's transcript may have started and still be this
 * occurrence's: a meeting often starts before its scheduled time, and a recurring meeting keeps one id for every
 * occurrence, so other occurrences' sets are told apart by time.
 */
const SLACK_MS = 60 * 60_000;
/** Insight sets read for one occurrence (one per transcript: transcription stopped and started again). */
const MAX_SETS = 5;
/** Action items and notes kept from one meeting. */
const MAX_ITEMS = 50;

const InsightList = z.object({
  value: z
    .array(
      z.looseObject({
        id: z.string().min(1).max(1000),
        createdDateTime: z.string().max(40).nullish(),
        endDateTime: z.string().max(40).nullish(),
      }),
    )
    .max(500),
});

const text = (max: number) =>
  z
    .string()
    .max(100_000)
    .nullish()
    .transform((s) => (s ?? '').trim().slice(0, max));

const Insight = z.looseObject({
  id: z.string().min(1).max(1000),
  actionItems: z
    .array(z.looseObject({ title: text(300), text: text(2000), ownerDisplayName: text(300) }))
    .max(500)
    .nullish(),
  meetingNotes: z
    .array(
      z.looseObject({
        title: text(300),
        text: text(4000),
        subpoints: z
          .array(z.looseObject({ title: text(300), text: text(2000) }))
          .max(100)
          .nullish(),
      }),
    )
    .max(200)
    .nullish(),
});

/** Graph refused: the organizer has no Copilot licence, or the app lacks the permission or access policy. */
export class InsightsRefusedError extends ForbiddenError {
  constructor() {
    super(
      `Microsoft Graph would not let Partner CRM ${DOING}: the meeting's organizer needs a Microsoft 365 Copilot ` +
        `licence, and an administrator must grant the app the ${INSIGHTS_PERMISSION} application permission and ` +
        `an application access policy that covers the organizer.`,
    );
    this.name = 'InsightsRefusedError';
  }
}

/** Graph's Retry-After, in milliseconds, when it gave one in seconds. */
function retryAfterMs(err: GraphError): number | undefined {
  const value = err.headers?.get('retry-after');
  const seconds = value ? Number(value) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * Microsoft 365 Copilot's insights of a Teams meeting through Microsoft Graph (application permission, see
 * INSIGHTS_PERMISSION): `GET /copilot/users/{organizer}/onlineMeetings/{id}/aiInsights` lists the insight sets
 * (ids and times only), `GET …/aiInsights/{id}` gives one set's action items and meeting notes.
 */
export class GraphMeetingInsights implements MeetingInsightsSource {
  constructor(private readonly graph: Client) {}

  async read(
    organizer: string,
    onlineMeetingId: string,
    occurrence: { readonly startedAt: string; readonly endedAt: string },
  ): Promise<InsightsReading> {
    const base = `/copilot/users/${encodeURIComponent(organizer)}/onlineMeetings/${encodeURIComponent(onlineMeetingId)}/aiInsights`;
    try {
      const list = InsightList.parse(await this.graph.api(base).get());
      const from = Date.parse(occurrence.startedAt) - SLACK_MS;
      const to = Date.parse(occurrence.endedAt) + SLACK_MS;
      const within = (at: number) => Number.isNaN(at) || (at >= from && at <= to);
      const sets = list.value
        .filter((s) => !s.createdDateTime || within(Date.parse(s.createdDateTime)))
        .sort((a, b) => (a.createdDateTime ?? '').localeCompare(b.createdDateTime ?? ''))
        .slice(-MAX_SETS);
      if (sets.length === 0) return { kind: 'not_ready' };
      const actionItems: AiActionItem[] = [];
      const notes: AiMeetingNote[] = [];
      for (const set of sets) {
        const insight = Insight.parse(await this.graph.api(`${base}/${encodeURIComponent(set.id)}`).get());
        for (const a of insight.actionItems ?? []) {
          if (!a.title && !a.text) continue;
          actionItems.push({
            title: a.title,
            text: a.text,
            ...(a.ownerDisplayName ? { ownerDisplayName: a.ownerDisplayName } : {}),
          });
        }
        for (const n of insight.meetingNotes ?? [])
          notes.push({
            title: n.title,
            text: n.text,
            subpoints: (n.subpoints ?? []).map((p) => ({ title: p.title, text: p.text })),
          });
      }
      return {
        kind: 'ready',
        insights: {
          ids: sets.map((s) => s.id),
          actionItems: actionItems.slice(0, MAX_ITEMS),
          notes: notes.slice(0, MAX_ITEMS),
        },
      };
    } catch (err) {
      if (err instanceof z.ZodError)
        return {
          kind: 'unavailable',
          detail: `Microsoft Graph answered in an unexpected shape when trying to ${DOING}`,
        };
      if (!(err instanceof GraphError)) throw graphFailure(err, DOING, INSIGHTS_PERMISSION);
      // No insights yet: Copilot writes them once the transcript is processed, up to hours after the meeting.
      if (err.statusCode === 404) return { kind: 'not_ready' };
      if (err.statusCode === 403) throw new InsightsRefusedError();
      if (err.statusCode === 429 || err.statusCode >= 500 || err.statusCode < 0) {
        const wait = retryAfterMs(err);
        return {
          kind: 'unavailable',
          detail: graphFailure(err, DOING, INSIGHTS_PERMISSION).message,
          ...(wait === undefined ? {} : { retryAfterMs: wait }),
        };
      }
      throw graphFailure(err, DOING, INSIGHTS_PERMISSION);
    }
  }
}
