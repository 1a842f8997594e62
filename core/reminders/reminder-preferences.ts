import { z } from 'zod';
import { IsoDate } from '../common/dates';
import { isTimeZone } from '../common/zoned-time';

/**
 * Families of reminders an owner can stop separately: check-ins, actions coming due, reviews, and notices of
 * actions someone else assigned them.
 */
export const REMINDER_FAMILIES = ['checkin', 'action', 'review', 'assignment'] as const;
/** A family of reminders. */
export type ReminderFamily = (typeof REMINDER_FAMILIES)[number];

/** When and how someone wants reminders: in their time zone, in a daily window, on chosen days. */
export const ReminderPreferencesInput = z
  .object({
    timeZone: z.string().max(64).refine(isTimeZone, 'Not a time zone this server knows, e.g. Europe/London'),
    /** Local time the daily window opens and closes, `HH:MM`: reminders come at the opening, late ones within it. */
    windowStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:00'),
    windowEnd: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 17:00'),
    /** ISO weekdays reminders may arrive on (Monday 1 … Sunday 7). */
    weekdays: z
      .array(z.number().int().min(1).max(7))
      .min(1, 'Choose at least one day')
      .max(7)
      .transform((days) => [...new Set(days)].sort()),
    /** Days off: no reminders then (they wait for the next allowed day). */
    quietDates: z.array(IsoDate).max(60).default([]),
    /** One daily card listing everything due, instead of one message each. */
    digest: z.boolean().default(false),
    stopped: z.array(z.enum(REMINDER_FAMILIES)).max(REMINDER_FAMILIES.length).default([]),
  })
  .refine((p) => p.windowEnd > p.windowStart, {
    path: ['windowEnd'],
    message: 'The window must close after it opens',
  });
/** Reminder preferences as entered. */
export type ReminderPreferencesInput = z.input<typeof ReminderPreferencesInput>;
/** Reminder preferences. */
export type ReminderPreferences = z.output<typeof ReminderPreferencesInput>;

/** Until someone says otherwise: weekdays 09:00–17:00, in the time zone Teams last reported (UTC before that). */
export function defaultPreferences(timeZone = 'UTC'): ReminderPreferences {
  return {
    timeZone,
    windowStart: '09:00',
    windowEnd: '17:00',
    weekdays: [1, 2, 3, 4, 5],
    quietDates: [],
    digest: false,
    stopped: [],
  };
}
