import { NotFoundError } from '../errors';
import type { Page } from '../common/page';
import type { Scope, TenantScope } from '../common/scope';
import type { Ids, Repositories, StoreReaders } from '../ports';
import type { Person, PersonRef, TeamsUser } from './person';

/** Turns person references from input into stored people, inside a transaction. */
export class PeopleResolver {
  constructor(private readonly ids: Ids) {}

  /** The person behind a Teams user, created on first sight. */
  user(tx: Repositories, scope: TenantScope, user: TeamsUser, now: string): Promise<Person> {
    return tx.people.upsertUser(scope, this.ids.next('per'), user, now);
  }

  /**
   * Resolves references in order. A reference by id must name a Teams user of the tenant or a contact of a
   * partner in this space; anything else is not found, so ids from other spaces reveal nothing. A pending
   * reference finds the person with that picked id, or stores them pending. `users` carries Teams users
   * already resolved in this unit of work (see {@link usersKnown}), so the same person named again (the
   * submitter as attendee and action owner) costs no further statement.
   */
  async resolve(
    tx: Repositories,
    scope: Scope,
    refs: readonly PersonRef[],
    now: string,
    field: string,
    users: Map<string, Person> = new Map(),
  ): Promise<Person[]> {
    const byId = new Map<string, Person>();
    const wantedIds = refs.flatMap((r) => ('personId' in r ? [r.personId] : []));
    for (const p of await visiblePeople(tx, scope, wantedIds)) byId.set(p.id, p);

    const people: Person[] = [];
    for (const ref of refs) {
      if ('user' in ref) {
        const key = userKey(ref.user);
        let person = users.get(key);
        if (!person) {
          person = await this.user(tx, scope, ref.user, now);
          users.set(key, person);
        }
        people.push(person);
        continue;
      }
      if ('pending' in ref) {
        people.push(await tx.people.upsertPending(scope, this.ids.next('per'), ref.pending, now));
        continue;
      }
      const person = byId.get(ref.personId);
      if (!person) throw new NotFoundError(field, ref.personId);
      people.push(person);
    }
    return people;
  }
}

/** Teams users resolved in one unit of work, keyed by everything {@link PeopleResolver.user} would store. */
export function usersKnown(...known: readonly [TeamsUser, Person][]): Map<string, Person> {
  return new Map(known.map(([user, person]) => [userKey(user), person]));
}

function userKey(user: TeamsUser): string {
  return JSON.stringify([user.aadObjectId.toLowerCase(), user.displayName, user.email ?? null]);
}

/** The people with these ids that a caller in this space may see: tenant users, and this space's contacts. */
export async function visiblePeople(
  read: Pick<StoreReaders, 'people' | 'partners'>,
  scope: Scope,
  ids: readonly string[],
): Promise<Person[]> {
  if (ids.length === 0) return [];
  const people = await read.people.getMany(scope, [...new Set(ids)]);
  const partnerIds = [...new Set(people.flatMap((p) => (p.partnerId ? [p.partnerId] : [])))];
  const partnersHere = new Set((await read.partners.getMany(scope, partnerIds)).map((p) => p.id));
  return people.filter(
    (p) => p.kind === 'user' || (p.partnerId !== undefined && partnersHere.has(p.partnerId)),
  );
}

/** A lookup from person id to person, for rendering names beside records. */
export type PeopleIndex = Readonly<Record<string, Person>>;

/** Collects the people a set of records mentions, visible from this space, as an index by id. */
export async function indexPeople(
  read: Pick<StoreReaders, 'people' | 'partners'>,
  scope: Scope,
  ids: Iterable<string | undefined>,
): Promise<PeopleIndex> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== undefined))];
  const people = await visiblePeople(read, scope, wanted);
  return Object.fromEntries(people.map((p) => [p.id, p]));
}

/** A page of records with the people they mention. */
export type PageWithPeople<T> = Page<T> & { readonly people: PeopleIndex };

/**
 * Adds the people a page mentions. Tenant-wide pages (a person's own work across spaces) resolve people per
 * record's space, so a contact is only named to callers of the space it belongs to.
 */
export async function withPeople<T extends { spaceId: string }>(
  read: Pick<StoreReaders, 'people' | 'partners'>,
  tenant: TenantScope,
  page: Page<T>,
  idsOf: (item: T) => Iterable<string | undefined>,
): Promise<PageWithPeople<T>> {
  const people: Record<string, Person> = {};
  const spaces = [...new Set(page.items.map((i) => i.spaceId))];
  for (const spaceId of spaces) {
    const ids = page.items.filter((i) => i.spaceId === spaceId).flatMap((i) => [...idsOf(i)]);
    Object.assign(people, await indexPeople(read, { tenantId: tenant.tenantId, spaceId }, ids));
  }
  return { ...page, people };
}
