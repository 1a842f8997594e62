/**
 * What sets a process's clock: libfaketime's variables (`npm run test:clock` runs the suite under it) and the
 * time zone. A test that starts a process with a pared-down environment passes these on, so the child reads
 * the same clock as the test that mints its tokens and dates its records.
 */
export function clockEnvironment(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && /^(LD_PRELOAD|TZ|FAKETIME\w*|DONT_FAKE_MONOTONIC)$/.test(entry[0]),
    ),
  );
}
