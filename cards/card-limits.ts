import { cardBytes } from './card-kit';

/** Largest card a bot message may carry (Teams refuses whole messages over about 40 KB). */
export const MESSAGE_CARD_LIMIT_BYTES = 40 * 1024;
/** Largest card a message-extension result may carry. */
export const EXTENSION_CARD_LIMIT_BYTES = 28 * 1024;

/** A card that is too big for where it is going: a bug in a renderer's clipping, never the user's fault. */
export class CardTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`Card of ${bytes} bytes exceeds the ${limit}-byte limit`);
    this.name = 'CardTooLargeError';
  }
}

/** Throws {@link CardTooLargeError} when a card is over `limit` bytes; returns the card otherwise. */
export function withinLimit<T>(card: T, limit = MESSAGE_CARD_LIMIT_BYTES): T {
  const bytes = cardBytes(card);
  if (bytes > limit) throw new CardTooLargeError(bytes, limit);
  return card;
}
