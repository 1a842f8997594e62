/** What an export shows for a person or partner it has no name for (erased, or never recorded). */
export const UNKNOWN_NAME = 'someone no longer recorded';

/** Looks names up in an export's name table, the same way when writing and when verifying. */
export function nameFrom(names: Readonly<Record<string, string>>): (id: string | undefined) => string {
  return (id) => (id !== undefined && names[id]) || UNKNOWN_NAME;
}
