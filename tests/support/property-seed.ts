import { randomInt } from 'node:crypto';
import { relative } from 'node:path';

/** The environment variable that replays a run's generated cases: `PROPERTY_SEED=<seed> npx jest <file>`. */
export const PROPERTY_SEED_VARIABLE = 'PROPERTY_SEED';

function seedOfThisRun(): number {
  const given = process.env[PROPERTY_SEED_VARIABLE]?.trim();
  // A fresh seed each run explores new cases; a fixed one would only ever try the same few thousand.
  if (!given) return randomInt(2 ** 31);
  const seed = Number(given);
  if (!Number.isSafeInteger(seed))
    throw new Error(`${PROPERTY_SEED_VARIABLE} must be an integer, not "${given}"`);
  return seed;
}

/** This run's fast-check seed: PROPERTY_SEED when set (to replay a run), else a fresh one. */
export const propertySeed = seedOfThisRun();

/**
 * Wraps a test body that runs generated cases, so that any failure it ends in (fast-check's own, or an
 * assertion on what the cases found) names the variable and seed that replay this run.
 */
export function replayable(body: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await body();
    } catch (error) {
      const file = relative(process.cwd(), expect.getState().testPath ?? '');
      const replay = `Replay this run: ${PROPERTY_SEED_VARIABLE}=${propertySeed} npx jest ${file}`;
      if (error instanceof Error) {
        const message = `${error.message}\n\n${replay}`;
        // Jest prints the stack, which begins with the message as it was when thrown.
        error.stack = error.stack?.includes(error.message)
          ? error.stack.replace(error.message, () => message)
          : message;
        error.message = message;
        throw error;
      }
      throw new Error(`${String(error)}\n\n${replay}`, { cause: error });
    }
  };
}
