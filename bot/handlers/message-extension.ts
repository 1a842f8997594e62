import { z } from 'zod';
import { meetingDraftFromMessage } from '../../core/meetings/meeting-draft';
import { parseInput } from '../../core/common/parse';
import { ValidationError } from '../../core/errors';
import { renderActionCard } from '../../cards/action-card';
import { renderAgreementCard } from '../../cards/agreement-card';
import type { AdaptiveCard } from '../../cards/card-kit';
import { renderPartnerCard } from '../../cards/partner-card';
import {
  actionPreview,
  agreementPreview,
  partnerPreview,
  type SearchPreview,
} from '../../cards/search-preview';
import { MESSAGE_EXTENSION_COMMANDS } from '../command-list';
import { htmlToText } from '../message-text';
import type { Turn } from '../turn';
import type { DialogAnswer } from './dialogs';
import { openMeetingForm, submitMeetingForm } from './forms';

/** One search result: the list entry Teams shows, and the card inserted when it is picked. */
export interface SearchResult {
  readonly preview: SearchPreview;
  readonly card: AdaptiveCard;
}

/** What a message-extension action submit comes to: a card for the compose box, or the dialog again. */
export type ExtensionSubmitOutcome =
  | { readonly kind: 'insert'; readonly card: AdaptiveCard; readonly preview: SearchResult['preview'] }
  | { readonly kind: 'dialog'; readonly answer: DialogAnswer };

const SearchQuery = z.looseObject({
  commandId: z.literal(MESSAGE_EXTENSION_COMMANDS.searchPartnerRecords.id, {
    error: 'Unknown search command',
  }),
  parameters: z
    .array(z.looseObject({ name: z.string().max(64), value: z.unknown() }))
    .max(10)
    .default([]),
  queryOptions: z.looseObject({ count: z.number().int().min(1).max(25).optional() }).optional(),
});

/** Results per kind of record: the compose box shows about this many without scrolling. */
const RESULTS_PER_KIND = 5;

/** The search's one parameter, as the manifest names it (Teams and Copilot send it by that name). */
const SEARCH_PARAMETER = MESSAGE_EXTENSION_COMMANDS.searchPartnerRecords.parameter;

/**
 * Searches partners, open actions and agreements of the conversation for the compose box, and for
 * Microsoft 365 Copilot, which sends the user's question as the search text.
 */
export async function searchRecords(turn: Turn, query: unknown): Promise<SearchResult[]> {
  const q = parseInput(SearchQuery, query);
  const initialRun = q.parameters.some((p) => p.name === 'initialRun');
  const typed = q.parameters.find((p) => p.name === SEARCH_PARAMETER)?.value;
  if (!initialRun && typed !== undefined && typeof typed !== 'string')
    throw ValidationError.of(`parameters.${SEARCH_PARAMETER}`, 'Search for text');
  const text = initialRun || typeof typed !== 'string' ? '' : typed;
  const hits = await turn.core.search.find(turn.caller.scope, { text, perKind: RESULTS_PER_KIND });
  const results: SearchResult[] = [];
  for (const partner of hits.partners) {
    const view = await turn.core.partners.view(turn.caller.scope, partner.id);
    results.push({ preview: partnerPreview(view), card: renderPartnerCard({ view, withActions: false }) });
  }
  for (const action of hits.actions)
    results.push({
      preview: actionPreview(action, hits.people, action.partnerId && hits.partnerNames[action.partnerId]),
      card: renderActionCard({
        view: await turn.core.actions.view(turn.caller.scope, action.id),
        today: turn.today,
      }),
    });
  for (const agreement of hits.agreements)
    results.push({
      preview: agreementPreview(agreement),
      card: renderAgreementCard({
        view: await turn.core.agreements.view(turn.caller.scope, agreement.id),
        timeZone: turn.timeZone,
      }),
    });
  return results;
}

const MessageAction = z.looseObject({
  commandId: z.literal(MESSAGE_EXTENSION_COMMANDS.logAsPartnerMeeting.id, {
    error: 'Unknown action command',
  }),
  messagePayload: z
    .looseObject({
      id: z.string().max(300).optional(),
      createdDateTime: z.string().max(64).optional(),
      linkToMessage: z.string().max(2000).optional(),
      body: z.looseObject({ content: z.string().max(200_000).default('') }).optional(),
      from: z
        .looseObject({ user: z.looseObject({ displayName: z.string().max(200).optional() }).nullish() })
        .nullish(),
    })
    .optional(),
});

/** "Log as partner meeting" on a message: the meeting form, prefilled from the message, in a dialog. */
export async function openLogFromMessage(turn: Turn, value: unknown): Promise<DialogAnswer> {
  const { messagePayload: m } = parseInput(MessageAction, value);
  const draft = m
    ? meetingDraftFromMessage({
        text: htmlToText(m.body?.content ?? ''),
        authorName: m.from?.user?.displayName,
        sentAt: m.createdDateTime ?? turn.now.toISOString(),
        url: m.linkToMessage?.startsWith('https://') ? m.linkToMessage : undefined,
        messageId: m.id,
      })
    : undefined;
  if (!(await turn.core.partners.list(turn.caller.scope, { status: 'active' }, { limit: 1 })).items.length)
    return { kind: 'message', text: 'Add a partner here first: type "add partner" to the Partner CRM bot.' };
  return {
    kind: 'card',
    title: 'Log as partner meeting',
    card: await openMeetingForm(turn, 'dialog', draft),
  };
}

const ActionSubmit = z.looseObject({
  commandId: z.literal(MESSAGE_EXTENSION_COMMANDS.logAsPartnerMeeting.id, {
    error: 'Unknown action command',
  }),
  data: z.unknown(),
});

/**
 * Logs the meeting from the dialog. The summary card goes into the compose box, so it is posted by the person
 * logging and works where the bot is not installed; its buttons still reach the bot.
 */
export async function submitLogFromMessage(turn: Turn, value: unknown): Promise<ExtensionSubmitOutcome> {
  const { data } = parseInput(ActionSubmit, value);
  const result = await submitMeetingForm(turn, data, 'dialog');
  if (!result.ok)
    return { kind: 'dialog', answer: { kind: 'card', title: 'Log as partner meeting', card: result.form } };
  return {
    kind: 'insert',
    card: result.result.shared(),
    preview: { title: 'Partner meeting logged', subtitle: '', text: '' },
  };
}
