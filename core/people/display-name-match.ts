/** Someone a name can be matched to: a picker value (Entra object id or person id) and how they are called. */
export interface NameCandidate {
  readonly value: string;
  readonly displayName: string;
}

/**
 * A name compared as people read it: accents, case, punctuation and spacing set aside
 * ("Zoë  O'Brien" and "zoe obrien" are the same).
 */
export function comparableName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Smith, Bella" as Bella Smith; a name with a suffix in brackets ("Bella Smith (Contoso)") as the name alone. */
function plainName(name: string): string {
  const bare = name.replace(/\s*\([^)]*\)\s*$/, '');
  const comma = /^([^,]+),\s*([^,]+)$/.exec(bare);
  return comparableName(comma ? `${comma[2]} ${comma[1]}` : bare);
}

/**
 * The one candidate a display name (as an AI wrote it) names: the same full name, else, for a name of one word,
 * the only candidate whose first name it is. Undefined when nobody or more than one person fits: a person is
 * never guessed, the supervisor picks.
 */
export function matchDisplayName<C extends NameCandidate>(
  name: string | undefined,
  candidates: readonly C[],
): C | undefined {
  if (!name) return undefined;
  const wanted = plainName(name);
  if (!wanted) return undefined;
  const unique = (found: C[]) => {
    const values = new Set(found.map((c) => c.value));
    return values.size === 1 ? found[0] : undefined;
  };
  const full = candidates.filter((c) => plainName(c.displayName) === wanted);
  if (full.length) return unique(full);
  if (wanted.includes(' ')) return undefined;
  return unique(candidates.filter((c) => plainName(c.displayName).split(' ')[0] === wanted));
}
