import { randomUUID } from 'node:crypto';
import {
  TeamsActivityHandler,
  TeamsInfo,
  type MeetingEndEventDetails,
  type Attachment,
  type InvokeResponse,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type SearchInvokeResponse,
  type SearchInvokeValue,
  type TaskModuleRequest,
  type TaskModuleResponse,
  type TurnContext,
} from 'botbuilder';
import type { Core } from '../core/core';
import type { ConversationKind } from '../core/conversations/conversation-reference';
import { DomainError, ValidationError } from '../core/errors';
import type { Clock, Logger } from '../core/ports';
import { invokeRejection, userMessageOf, type CardInvokeAnswer } from './bot-errors';
import type { AdaptiveCard } from '../cards/card-kit';
import { EXTENSION_CARD_LIMIT_BYTES, MESSAGE_CARD_LIMIT_BYTES, withinLimit } from '../cards/card-limits';
import { renderSuggestionCard } from '../cards/suggestion-card';
import { renderWelcomeCard } from '../cards/welcome-card';
import { parseCommand } from './commands/command-parser';
import { callerOf, placeOf, type ConversationPlace } from './conversation-space';
import { referencesOf } from './conversation-references';
import { replyToCommand } from './handlers/commands';
import { openDialog, submitDialog, type DialogAnswer } from './handlers/dialogs';
import { endedMeetingForm } from './handlers/meeting-end';
import { openLogFromMessage, searchRecords, submitLogFromMessage } from './handlers/message-extension';
import { runVerb } from './handlers/verbs';
import { searchPartnerChoices } from './handlers/partner-search';
import { knownTimeZone, wallClockIn } from '../cards/local-time';
import { TeamsRoster } from './people/teams-roster';
import type { Turn } from './turn';

/** What the bot needs besides core: where it is reachable and what time it is. */
export interface PartnerBotOptions {
  /** Base address links in cards point at (`PUBLIC_URL`). */
  readonly publicUrl: string;
  /** Signs download links in cards (`LINK_SIGNING_SECRET`). */
  readonly linkSecret: string;
  readonly clock: Clock;
  /** Check-ins are also put in owners' Outlook calendars (GRAPH_CALENDAR=on); cards say so, or what it would add. */
  readonly calendarInOutlook?: boolean;
  /** Ended meetings' attendance is read from Graph (GRAPH_ATTENDANCE=on): the bot queues each meeting. */
  readonly attendanceFromGraph?: boolean;
  /**
   * Ended meetings' Microsoft 365 Copilot insights are read from Graph (GRAPH_MEETING_INSIGHTS=on): the bot
   * queues each meeting, and its chat later gets the AI action items to review.
   */
  readonly insightsFromGraph?: boolean;
}

/**
 * The conversation edge: Teams messages, card actions, dialogs and message-extension invokes in; cards out.
 * Each handler parses what arrived, calls one use case and renders a card; this class only routes and sends.
 */
export class PartnerBot extends TeamsActivityHandler {
  constructor(
    readonly core: Core,
    private readonly logger: Logger,
    private readonly options: PartnerBotOptions,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await this.answerMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forgetConversation(context);
      await next();
    });
    this.onTeamsMeetingEndEvent(async (meeting, context, next) => {
      await this.offerToLogMeeting(context, meeting);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersRemoved?.some((m) => m.id === botId))
        await this.forgetConversation(context);
      await next();
    });
  }

  /** Every activity refreshes the stored conversation references before it is handled. */
  override async run(context: TurnContext): Promise<void> {
    if (!isRemoval(context)) await this.rememberConversation(context);
    await super.run(context);
    await this.noteTimeZone(context);
    await this.noteSender(context);
  }

  /** `adaptiveCard/action` (Action.Execute and card refresh) is answered here; other invokes go to Teams' routing. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    return { status: 200, body: await this.answerCardAction(context) };
  }

  /** Type-ahead for partner pickers (`application/search` from a `Data.Query` choice set). */
  protected override async onSearchInvoke(
    context: TurnContext,
    invoke: SearchInvokeValue,
  ): Promise<SearchInvokeResponse> {
    try {
      const results = await searchPartnerChoices(this.turnOf(context), invoke);
      return { statusCode: 200, type: 'application/vnd.microsoft.search.searchResponse', value: { results } };
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: userMessageOf(err) },
      };
    }
  }

  protected override async handleTeamsTaskModuleFetch(
    context: TurnContext,
    request: TaskModuleRequest,
  ): Promise<TaskModuleResponse> {
    return this.dialogResponse(() => openDialog(this.turnOf(context), request?.data));
  }

  protected override async handleTeamsTaskModuleSubmit(
    context: TurnContext,
    request: TaskModuleRequest,
  ): Promise<TaskModuleResponse> {
    return this.dialogResponse(async () => {
      const outcome = await submitDialog(this.turnOf(context), request?.data, 'Partner CRM');
      if (outcome.post) await context.sendActivity({ attachments: [cardAttachment(outcome.post)] });
      return outcome.answer;
    });
  }

  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    try {
      const results = await searchRecords(this.turnOf(context), query);
      return {
        composeExtension: {
          type: 'result',
          attachmentLayout: 'list',
          attachments: results.map((r) => ({
            ...cardAttachment(r.card, EXTENSION_CARD_LIMIT_BYTES),
            preview: thumbnail(r.preview),
          })),
        },
      };
    } catch (err) {
      if (err instanceof DomainError)
        return { composeExtension: { type: 'message', text: userMessageOf(err) } };
      throw err;
    }
  }

  protected override async handleTeamsMessagingExtensionFetchTask(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return this.dialogResponse(() => openLogFromMessage(this.turnOf(context), action));
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    try {
      const outcome = await submitLogFromMessage(this.turnOf(context), action);
      if (outcome.kind === 'dialog') return taskResponse(outcome.answer);
      return {
        composeExtension: {
          type: 'result',
          attachmentLayout: 'list',
          attachments: [
            {
              ...cardAttachment(outcome.card, EXTENSION_CARD_LIMIT_BYTES),
              preview: thumbnail(outcome.preview),
            },
          ],
        },
      };
    } catch (err) {
      if (err instanceof DomainError) return taskResponse({ kind: 'message', text: userMessageOf(err) });
      throw err;
    }
  }

  /** A typed command, or the data of an `Action.Submit` button from a client without Universal Actions. */
  private async answerMessage(context: TurnContext): Promise<void> {
    const value = context.activity.value as { verb?: unknown } | undefined;
    try {
      if (value && typeof value === 'object' && 'verb' in value)
        return await this.answerSubmit(context, value);
      const parsed = parseCommand(context.activity.text);
      if (parsed.kind === 'empty') return;
      const turn = this.turnOf(context);
      const card =
        parsed.kind === 'command'
          ? await replyToCommand(turn, parsed.command)
          : renderSuggestionCard(parsed.text, parsed.closest.title);
      await context.sendActivity({ attachments: [cardAttachment(card)] });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      await context.sendActivity(userMessageOf(err));
    }
  }

  /** `Action.Submit` fallback: the same verbs; the answer replaces the card the button was on. */
  private async answerSubmit(context: TurnContext, value: { verb?: unknown }): Promise<void> {
    const turn = this.turnOf(context);
    const outcome = await runVerb(turn, value.verb, value);
    const card = turn.place.kind === 'personal' ? outcome.card : (outcome.shared?.() ?? outcome.card);
    const replyToId = context.activity.replyToId;
    if (replyToId)
      await context.updateActivity({ type: 'message', id: replyToId, attachments: [cardAttachment(card)] });
    else await context.sendActivity({ attachments: [cardAttachment(card)] });
  }

  /**
   * `Action.Execute`: the presser gets their card in the invoke answer; when the record changed for everyone,
   * the message itself is updated for the others (personal chat has no others).
   */
  private async answerCardAction(context: TurnContext): Promise<CardInvokeAnswer> {
    const value = context.activity.value as {
      action?: { type?: unknown; verb?: unknown; data?: unknown };
      trigger?: unknown;
    };
    try {
      if (value?.action?.type !== 'Action.Execute')
        throw ValidationError.of('action.type', 'Only Action.Execute buttons are answered here');
      const turn = this.turnOf(context);
      const outcome = await runVerb(turn, value.action.verb, value.action.data);
      const replyToId = context.activity.replyToId;
      if (outcome.shared && turn.place.kind !== 'personal' && replyToId && value.trigger !== 'automatic')
        await this.updateShared(context, replyToId, outcome.shared());
      return {
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: withinLimit(outcome.card),
      };
    } catch (err) {
      if (err instanceof DomainError) return invokeRejection(err);
      throw err;
    }
  }

  /** Updates a card message for everyone; a card the bot did not post (inserted from the compose box) cannot be. */
  private async updateShared(context: TurnContext, activityId: string, card: AdaptiveCard): Promise<void> {
    try {
      await context.updateActivity({ type: 'message', id: activityId, attachments: [cardAttachment(card)] });
    } catch (error) {
      this.logger.warn('could not update the shared card', { error: String(error), activityId });
    }
  }

  private async dialogResponse(open: () => Promise<DialogAnswer>): Promise<TaskModuleResponse> {
    try {
      return taskResponse(await open());
    } catch (err) {
      if (err instanceof DomainError) return taskResponse({ kind: 'message', text: userMessageOf(err) });
      throw err;
    }
  }

  /**
   * When a Teams meeting the bot is in ends, its chat gets "Log this partner meeting?" with the meeting form
   * filled in from the meeting (title, start and length, attendees, the likely partner): one click logs it.
   */
  private async offerToLogMeeting(context: TurnContext, meeting: MeetingEndEventDetails): Promise<void> {
    const turn = this.turnOf(context);
    let scheduledStart: string | undefined;
    let onlineMeetingId: string | undefined;
    let organizerAadObjectId: string | undefined;
    try {
      const info = await TeamsInfo.getMeetingInfo(context);
      scheduledStart = info.details?.scheduledStartTime
        ? new Date(info.details.scheduledStartTime).toISOString()
        : undefined;
      onlineMeetingId = info.details?.msGraphResourceId;
      organizerAadObjectId = info.organizer?.aadObjectId;
    } catch (err) {
      // Without the meeting's details the form still works: the time is the end, the length is left empty.
      this.logger.warn('meeting details unavailable', { error: String(err) });
    }
    const ended = {
      title: meeting.title || 'Partner meeting',
      endTime: new Date(meeting.endTime).toISOString(),
    };
    // Its attendance report is read later, by the background job, once Teams has produced it.
    if (this.options.attendanceFromGraph && onlineMeetingId && organizerAadObjectId)
      try {
        await this.core.attendance.meetingEnded(turn.caller.scope, {
          onlineMeetingId,
          organizerAadObjectId,
          endedAt: ended.endTime,
        });
      } catch (err) {
        // Details Teams gave that core refuses cost only the attendance evidence, never the meeting form.
        if (!(err instanceof DomainError)) throw err;
        this.logger.warn('meeting not queued for attendance', { error: userMessageOf(err) });
      }
    // Copilot's insights come later still (after the transcript is processed): the background job reads them.
    if (this.options.insightsFromGraph && onlineMeetingId && organizerAadObjectId)
      try {
        await this.core.meetingInsights.meetingEnded(turn.caller.scope, {
          onlineMeetingId,
          organizerAadObjectId,
          title: ended.title,
          startedAt: scheduledStart && scheduledStart < ended.endTime ? scheduledStart : ended.endTime,
          endedAt: ended.endTime,
        });
      } catch (err) {
        // Details Teams gave that core refuses cost only the AI action items, never the meeting form.
        if (!(err instanceof DomainError)) throw err;
        this.logger.warn('meeting not queued for AI insights', { error: userMessageOf(err) });
      }
    const card = await endedMeetingForm(
      turn,
      { ...ended, scheduledStart, ...(onlineMeetingId ? { onlineMeetingId } : {}) },
      await turn.roster.members(50),
    );
    await context.sendActivity({
      text: `“${ended.title}” has ended. Log it as a partner meeting?`,
      attachments: [cardAttachment(card)],
    });
  }

  /** The welcome card, once per installation (Teams may deliver an install event twice, or to two servers). */
  private async welcome(context: TurnContext): Promise<void> {
    if (String(context.activity.action ?? '').toLowerCase() !== 'add') return;
    const place = placeOf(context.activity);
    const [kind, key] = installedConversationOf(place, context.activity.from?.aadObjectId);
    if (
      key === undefined ||
      !(await this.core.conversations.claimWelcome({ tenantId: place.tenantId }, kind, key))
    )
      return;
    await context.sendActivity({ attachments: [cardAttachment(renderWelcomeCard(place.kind))] });
  }

  private async rememberConversation(context: TurnContext): Promise<void> {
    let place: ConversationPlace;
    try {
      place = placeOf(context.activity);
    } catch (err) {
      if (err instanceof DomainError) return; // Not a Teams conversation: nothing to reach later.
      throw err;
    }
    // Installs and membership changes check the store, whatever this process noted: they may follow an
    // uninstall another process recorded.
    const recheck = !isMessageOrInvoke(context);
    for (const ref of referencesOf(context.activity, place)) {
      try {
        await this.core.conversations.remember(ref, { recheck });
      } catch (err) {
        // A reference that cannot be stored must not cost the user their answer; reminders will miss it.
        this.logger.warn('conversation reference not stored', { error: String(err), kind: ref.kind });
      }
    }
  }

  /**
   * Teams reports the user's time zone on their activities: noted after the turn (which may have just recorded
   * them), their reminders then arrive in their working hours.
   */
  private async noteTimeZone(context: TurnContext): Promise<void> {
    const zone = context.activity.localTimezone;
    if (!zone || !context.activity.from?.aadObjectId || isRemoval(context)) return;
    try {
      const place = placeOf(context.activity);
      await this.core.reminders.noteTimeZone(place, callerOf(context.activity, place).user, zone);
    } catch (err) {
      this.logger.warn('time zone not noted', { error: String(err) });
    }
  }

  /** Someone picked before anything could name them is named by their first activity (and their Teams id kept). */
  private async noteSender(context: TurnContext): Promise<void> {
    if (!context.activity.from?.aadObjectId || isRemoval(context)) return;
    try {
      const place = placeOf(context.activity);
      const user = callerOf(context.activity, place).user;
      await this.core.people.noteUser({ tenantId: place.tenantId }, user, context.activity.from.id);
    } catch (err) {
      this.logger.warn('sender not noted', { error: String(err) });
    }
  }

  private async forgetConversation(context: TurnContext): Promise<void> {
    const place = placeOf(context.activity);
    const scope = { tenantId: place.tenantId };
    const [kind, key] = installedConversationOf(place, context.activity.from?.aadObjectId);
    if (key !== undefined) await this.core.conversations.forget(scope, kind, key);
    if (place.kind === 'team') await this.core.conversations.forget(scope, 'channel', place.conversationId);
  }

  /** The turn as handlers see it. */
  private turnOf(context: TurnContext): Turn {
    const a = context.activity;
    const place = placeOf(a);
    const caller = callerOf(a, place);
    const timeZone = knownTimeZone(a.localTimezone);
    const now = this.options.clock.now();
    return {
      core: this.core,
      caller,
      place,
      teamsUserId: a.from.id,
      timeZone,
      now,
      today: wallClockIn(now, timeZone).date,
      roster: new TeamsRoster(context, this.logger),
      publicUrl: this.options.publicUrl,
      linkSecret: this.options.linkSecret,
      calendarInOutlook: this.options.calendarInOutlook ?? false,
      newFormId: () => randomUUID(),
    };
  }
}

/** The reference an installation is about: the person (personal app), the group chat or the team. */
function installedConversationOf(
  place: ConversationPlace,
  aadObjectId: string | undefined,
): [ConversationKind, string | undefined] {
  if (place.kind === 'personal') return ['user', aadObjectId];
  if (place.kind === 'groupChat') return ['chat', place.conversationId];
  return ['team', place.teamId];
}

/** The turns a busy conversation is made of, as opposed to installs and membership changes. */
function isMessageOrInvoke(context: TurnContext): boolean {
  return context.activity.type === 'message' || context.activity.type === 'invoke';
}

/** An uninstall: its references are marked gone, not refreshed. */
function isRemoval(context: TurnContext): boolean {
  const a = context.activity;
  if (a.type === 'installationUpdate')
    return String(a.action ?? '')
      .toLowerCase()
      .startsWith('remove');
  return a.type === 'conversationUpdate' && !!a.membersRemoved?.some((m) => m.id === a.recipient?.id);
}

/** A card as a message attachment, refused when over the limit for where it goes. */
function cardAttachment(card: AdaptiveCard, limit = MESSAGE_CARD_LIMIT_BYTES): Attachment {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: withinLimit(card, limit) };
}

function thumbnail(p: { title: string; subtitle: string; text: string }): Attachment {
  return { contentType: 'application/vnd.microsoft.card.thumbnail', content: p };
}

/** A dialog answer in Teams' task module response shape. */
function taskResponse(answer: DialogAnswer): TaskModuleResponse {
  if (answer.kind === 'close') return {};
  if (answer.kind === 'message') return { task: { type: 'message', value: answer.text } };
  return {
    task: {
      type: 'continue',
      value: { title: answer.title, width: 'large', height: 'large', card: cardAttachment(answer.card) },
    },
  };
}
