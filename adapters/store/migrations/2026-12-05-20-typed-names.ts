import type { Migration } from './migration';

/**
 * Names typed for pending people: a colleague who picked someone nothing could name yet may type the name they
 * know them by. It is kept in `display_name` (the one place personal data lives), with who typed it, and the
 * person stays pending until Teams or the directory names them, whose name then replaces the typed one.
 */
export const typedNames: Migration = {
  id: '2026-12-05-20-typed-names',
  up: ({ text: T }) => `
    ALTER TABLE people ADD COLUMN name_typed_by ${T};
  `,
};
