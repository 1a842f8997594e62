/**
 * A `LIKE` pattern (with `ESCAPE '\'`) matching text that contains `fragment`, for `LOWER(column) LIKE …`.
 * Only ASCII letters are folded: SQLite's LOWER and PostgreSQL's LOWER under the binary "C" collation fold
 * nothing else, so both stores match the same rows.
 */
export function containsPattern(fragment: string): string {
  const folded = fragment.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
