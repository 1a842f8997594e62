import { adaptiveCard, commandButton, text, type AdaptiveCard } from './card-kit';

/** A short message with buttons for the commands that help next. */
export function renderNoticeCard(
  message: string,
  next: readonly { title: string; command: string }[],
): AdaptiveCard {
  return adaptiveCard(
    [text(message)],
    next.map((n) => commandButton(n.title, n.command)),
  );
}
