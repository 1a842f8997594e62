import type { Caller } from '../core/common/caller';
import type { Core } from '../core/core';
import type { ConversationPlace } from './conversation-space';
import type { Roster } from '../cards/people/roster';

/** What a handler knows about the turn it answers. Built per activity by the bot; no botbuilder inside. */
export interface Turn {
  readonly core: Core;
  readonly caller: Caller;
  readonly place: ConversationPlace;
  /** The Teams user id (`29:…`) of the person acting. */
  readonly teamsUserId: string;
  /** The user's IANA time zone (Teams' `localTimezone`), UTC when unknown. */
  readonly timeZone: string;
  readonly now: Date;
  /** The user's calendar date: what "overdue" and default due dates are measured against. */
  readonly today: string;
  readonly roster: Roster;
  /** Base address of this server, for links in cards. */
  readonly publicUrl: string;
  /** Signs the download links export cards offer. */
  readonly linkSecret: string;
  /** Whether check-ins also go to owners' Outlook calendars through Microsoft Graph. */
  readonly calendarInOutlook: boolean;
  /** A fresh form instance id: the idempotency key of the form's submit. */
  newFormId(): string;
}

/** Pickers search the organisation in personal chat, and the conversation's members elsewhere. */
export function searchScopeOf(turn: Turn): 'conversation' | 'organisation' {
  return turn.place.kind === 'personal' ? 'organisation' : 'conversation';
}

/** The idempotency key of a form submit: the form's id, kept apart per person. */
export function submitKeyOf(turn: Turn, formId: string): string {
  return `${turn.caller.user.aadObjectId.toLowerCase()}:${formId}`;
}
