/** An Adaptive Card as JSON, the shape the bot sends and the tab renders with the `adaptivecards` SDK. */
export interface AdaptiveCardJson {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly body: readonly Record<string, unknown>[];
  readonly actions?: readonly Record<string, unknown>[];
  readonly [key: string]: unknown;
}

/** The schema version Teams renders on desktop, web and mobile. */
export const CARD_VERSION = '1.5';

/** A card with the usual header fields. */
export function card(
  body: readonly Record<string, unknown>[],
  actions?: readonly Record<string, unknown>[],
): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions ? { actions } : {}),
  };
}

/** A red line under a field saying what to fix, as the bot shows a refused submit. */
export function fieldError(field: string, message: string): Record<string, unknown> {
  return {
    type: 'TextBlock',
    id: `${field}-error`,
    text: message,
    color: 'attention',
    wrap: true,
    spacing: 'None',
  };
}
