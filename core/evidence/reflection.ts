import { z } from 'zod';
import { requiredParagraphs, requiredText } from '../common/text';

/** Most items one reflection can be about. */
export const MAX_REFLECTION_ITEMS = 20;

/**
 * A STARR reflective account (Situation, Task, Action, Result, Reflection) about one or more evidence items:
 * what assessors expect at Level 3 to show critical thinking about a partnership challenge.
 */
export const ReflectionInput = z.object({
  title: requiredText(200, 'Title'),
  itemIds: z
    .array(z.string().min(1).max(64))
    .min(1, 'Choose at least one item')
    .max(MAX_REFLECTION_ITEMS, `At most ${MAX_REFLECTION_ITEMS} items`),
  situation: requiredParagraphs(4000, 'Situation'),
  task: requiredParagraphs(4000, 'Task'),
  action: requiredParagraphs(4000, 'Action'),
  result: requiredParagraphs(4000, 'Result'),
  reflection: requiredParagraphs(4000, 'Reflection'),
});
/** A STARR reflection as entered. */
export type ReflectionInput = z.input<typeof ReflectionInput>;

/** Situation, Task and Action drafted from the items, for the learner to edit before writing the rest. */
export interface ReflectionDraft {
  readonly situation: string;
  readonly task: string;
  readonly action: string;
}
