import type { AdaptiveCard } from '../../cards/card-kit';
import type { Turn } from '../turn';

/**
 * What a card button comes to: the presser's card, and the card everyone sees when it changed for all (rendered
 * only if sent: a personal chat has no one else). Its own module so the verb table and the verbs it lists
 * (reminder verbs, …) need not import each other.
 */
export interface VerbOutcome {
  readonly card: AdaptiveCard;
  readonly shared?: () => AdaptiveCard;
}

/** Runs one verb with the button's data; refusals are thrown as domain errors. */
export type VerbHandler = (turn: Turn, data: unknown) => Promise<VerbOutcome>;
