import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** An action item as Graph gives it in a callAiInsight. */
export interface RecordedActionItem {
  readonly title: string;
  readonly text: string;
  readonly ownerDisplayName: string | null;
}

/** A meeting note as Graph gives it, with its sub-points. */
export interface RecordedMeetingNote {
  readonly title: string;
  readonly text: string;
  readonly subpoints: readonly { readonly title: string; readonly text: string }[];
}

/** A callAiInsight as `GET …/aiInsights/{id}` answers it, without the per-response `@odata.context`. */
export interface RecordedAiInsight extends Record<string, unknown> {
  readonly id: string;
  readonly callId: string;
  readonly contentCorrelationId: string;
  readonly createdDateTime: string;
  readonly endDateTime: string;
  readonly meetingNotes: readonly RecordedMeetingNote[];
  readonly actionItems: readonly RecordedActionItem[];
}

/**
 * The recorded-shape insight set of a Northwind delivery review (`graph-responses/meeting-ai-insight.json`,
 * in the shape of Graph's callAiInsight documentation): three action items, one owner nobody in the meeting is.
 */
export function recordedAiInsight(): RecordedAiInsight {
  const body = JSON.parse(
    readFileSync(join(__dirname, 'graph-responses', 'meeting-ai-insight.json'), 'utf8'),
  ) as RecordedAiInsight & { '@odata.context'?: string };
  const { '@odata.context': _context, ...insight } = body;
  return insight as RecordedAiInsight;
}
