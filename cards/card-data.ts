import { z } from 'zod';

/**
 * Zod pieces for the `data` a card submits. Teams sends every input as text (an empty string, or nothing, for a
 * blank one), so these check the shape and the card's own limits; core's schemas then apply the business rules.
 */

/** The id a form was rendered with: the idempotency key that makes a double submit store one record. */
export const FormId = z
  .string({ error: 'This form has no id; open it again' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'This form is not one of ours; open it again');

/** A record id carried in a button's data. */
export const CardRecordId = z
  .string({ error: 'This button names no record; reload the card' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'This button names a record that is not one of ours');

/** An optional text input: blank becomes undefined; over `max` characters is refused with the field's label. */
export function textInput(max: number, label: string) {
  // Characters are code points; a text no longer in UTF-16 units than `max` has no more, so only a longer one
  // (emoji near the limit) is spread into them.
  return z
    .string({ error: `${label} must be text` })
    .max(max * 4, `${label} must be at most ${max} characters`)
    .refine((s) => s.length <= max || [...s].length <= max, `${label} must be at most ${max} characters`)
    .optional()
    .transform((s) => (s === undefined || s.trim() === '' ? undefined : s));
}

/** A text input the form requires. */
export function requiredInput(max: number, label: string) {
  return textInput(max, label).refine((s) => s !== undefined, `${label} is required`);
}

/** A multi-line input read as one entry per non-blank line. */
export function linesInput(max: number, label: string) {
  return textInput(max, label).transform((s) =>
    s === undefined
      ? []
      : s
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean),
  );
}

/** A chosen id: a record id, an Entra object id or a Teams user id (`29:…`, which can be long). */
const CHOSEN_ID = /^[A-Za-z0-9_:.@-]{1,256}$/;

/** A choice input's value(s): comma-separated, blanks dropped. */
export function idsInput(label: string, maxItems: number) {
  return z
    .string({ error: `${label} must be a list of ids` })
    .max(maxItems * 260, `${label}: too many chosen`)
    .optional()
    .transform((s) =>
      (s ?? '')
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .refine((ids) => ids.length <= maxItems, `${label}: choose at most ${maxItems}`)
    .refine((ids) => ids.every((id) => CHOSEN_ID.test(id)), `${label}: unknown choice`);
}

/** An `Input.Toggle` value. */
export const toggleInput = z
  .union([z.literal('true'), z.literal('false'), z.boolean()], { error: 'Must be true or false' })
  .optional()
  .transform((v) => v === true || v === 'true');

/** An `Input.Date` value; blank becomes undefined (core checks it is a real date). */
export function dateInput(label: string) {
  return z
    .string({ error: `${label} must be a date` })
    .regex(/^$|^\s*\d{4}-\d{2}-\d{2}\s*$/, `${label}: use a date like 2026-03-31`)
    .optional()
    .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()));
}

/** An `Input.Time` value (`HH:mm`). */
export function timeInput(label: string) {
  return z
    .string({ error: `${label} must be a time` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}: use a time like 14:30`);
}

/** An `Input.Number` value, as text or a number; blank becomes undefined. */
export function wholeNumberInput(label: string, min: number, max: number) {
  return z
    .union([z.string(), z.number()], { error: `${label} must be a number` })
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || (typeof v === 'string' && v.trim() === '')) return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${label} must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });
}

/** Prefix of our own person ids (partner contacts and people already known), as pickers offer them. */
export const PERSON_ID_PREFIX = 'per_';

/**
 * Whether a picked id is one of our person ids. Anything else names a Teams user: an Entra object id in
 * Teams, a member id in Microsoft 365 Agents Playground; the conversation's roster resolves either.
 */
export function isPersonId(id: string): boolean {
  return id.startsWith(PERSON_ID_PREFIX);
}
