import { cardBytes } from '../../cards/card-kit';
import { EXTENSION_CARD_LIMIT_BYTES, MESSAGE_CARD_LIMIT_BYTES } from '../../cards/card-limits';
import { cjkSamples, worstCaseSamples, type CardSample } from '../support/card-samples';
import { testCore } from '../../testkit/test-core';
import { openSqliteTestStore, type TestStore } from '../../testkit/test-stores';

// The SDK's Node entry point: parsing and validation need no DOM.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js');

/** Every parse and validation message the adaptivecards SDK has about a card. */
function sdkProblems(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  return problems;
}

describe('every card the bot renders', () => {
  let t: TestStore;
  let samples: CardSample[];
  let heavy: CardSample[];

  beforeAll(async () => {
    t = await openSqliteTestStore();
    const { core } = testCore(t.store);
    samples = await worstCaseSamples(core);
    heavy = await cjkSamples(core);
  }, 60_000);
  afterAll(async () => t.dispose());

  it('has a sample of every renderer', () => {
    expect(samples.length).toBeGreaterThanOrEqual(32);
  });

  it('parses and validates with the adaptivecards SDK without a single message', () => {
    const problems = [...samples, ...heavy].flatMap((s) => sdkProblems(s.card).map((p) => `${s.name}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('uses version 1.5 and Action.Execute with an Action.Submit fallback for every verb button', () => {
    for (const { card, name } of samples) {
      expect(card.version).toBe('1.5');
      const executes = JSON.stringify(card).match(/"type":"Action\.Execute"/g)?.length ?? 0;
      const fallbacks = JSON.stringify(card).match(/"fallback":\{"type":"Action\.Submit"/g)?.length ?? 0;
      // Refresh actions are Action.Execute without a fallback: old clients just do not refresh.
      expect({ name, missingFallbacks: executes - (card.refresh ? 1 : 0) - fallbacks }).toEqual({
        name,
        missingFallbacks: 0,
      });
    }
  });

  it.each([
    ['mixed Unicode', () => samples],
    ['three-byte text', () => heavy],
  ])('stays under Teams’ size limits with every field at its limit (%s)', (_label, pick) => {
    const over = pick()
      .map((s) => ({
        name: s.name,
        bytes: cardBytes(s.card),
        limit: s.extension ? EXTENSION_CARD_LIMIT_BYTES : MESSAGE_CARD_LIMIT_BYTES,
      }))
      .filter((s) => s.bytes > s.limit);
    expect(over).toEqual([]);
  });

  it('names at most 60 users to refresh, as Teams allows', () => {
    for (const { card } of samples) expect((card.refresh?.userIds ?? []).length).toBeLessThanOrEqual(60);
  });
});
