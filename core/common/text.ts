import { z } from 'zod';

/** Control characters other than tab, newline and carriage return: never meaningful in user text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A required single-line text: trimmed, 1..max characters, no control characters. */
export function requiredText(max: number, label = 'This field') {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine((s) => !CONTROL_CHARACTERS.test(s) && !s.includes('\n'), `${label} must be a single line`);
}

/** An optional multi-line text: trimmed, at most max characters; empty becomes undefined. */
export function optionalText(max: number, label = 'This field') {
  return z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .refine((s) => !CONTROL_CHARACTERS.test(s), `${label} contains control characters`)
    .optional()
    .transform((s) => (s === '' ? undefined : s));
}

/** A list of short non-empty lines (decisions, issues, priority steps), at most `maxItems`. */
export function textList(maxItems: number, maxLength: number, label: string) {
  return z
    .array(requiredText(maxLength, label))
    .max(maxItems, `At most ${maxItems} ${label.toLowerCase()} entries`);
}

/** A required multi-line text: trimmed, 1..max characters, no control characters but tab and newlines. */
export function requiredParagraphs(max: number, label = 'This field') {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine((s) => !CONTROL_CHARACTERS.test(s), `${label} contains control characters`);
}
