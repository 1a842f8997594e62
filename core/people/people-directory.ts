import type { TenantScope } from '../common/scope';
import type { Clock, Store } from '../ports';
import { pickedIdKind } from './pending-person';
import type { Person, PersonRef, TeamsUser } from './person';
import type { DirectoryUser, UserDirectory } from './user-directory';
import { RecentNotes } from '../common/recent-notes';

/** Most people one lookup resolves (a card's people picker holds about this many). */
export const MAX_LOOKUP = 60;

/** Where a picked person is looked up before the product's own records and the directory. */
export interface PickContext {
  /** The conversation's member with this id (Entra object id or Teams user id), if they are one. */
  readonly rosterMember?: (id: string) => Promise<TeamsUser | undefined>;
  /**
   * The directory as the caller sees it (Microsoft Graph on their behalf, from the tab's sign-in): asked for those
   * the app's own directory did not name, as where no administrator granted the app User.ReadBasic.All.
   */
  readonly callersDirectory?: UserDirectory;
}

/** Looks up colleagues the product has already met, and names those a people picker found. */
export class PeopleDirectory {
  /** Users this process found named with their Teams id lately: their turns then read nothing. */
  private readonly notedUsers: RecentNotes<boolean>;

  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      /** The organisation's directory, when connected (Microsoft Graph). */
      directory?: UserDirectory;
      /** Local mode: pickers submit a local client's own user ids (Agents Playground's `user-id-2`). */
      localPickerIds?: boolean;
    },
  ) {
    this.notedUsers = new RecentNotes(deps.clock);
  }

  /** The known Teams users of the tenant with these Entra object ids; unknown ids are simply absent. */
  async knownUsers(scope: TenantScope, aadObjectIds: readonly string[]): Promise<Person[]> {
    const wanted = [...new Set(aadObjectIds.map((id) => id.toLowerCase()))].slice(0, MAX_LOOKUP);
    const found = await Promise.all(
      wanted.map((id) => this.deps.store.read.people.findByAadObjectId(scope, id)),
    );
    return found.filter((p): p is Person => p !== undefined);
  }

  /**
   * Who each id a people picker submitted is, in order: the conversation's roster; people already known in the
   * tenant; the organisation's directory; and failing those, a pending person kept by the id (named as soon as
   * anything names them). Only ids that cannot be anyone's are absent: in Teams, ids that are neither an Entra
   * object id nor a Teams user id; in local mode, also ids that are no plausible user id at all.
   */
  async identify(
    scope: TenantScope,
    ids: readonly string[],
    context: PickContext = {},
  ): Promise<Map<string, PersonRef>> {
    const refs = new Map<string, PersonRef>();
    const wanted = [...new Set(ids)].slice(0, MAX_LOOKUP).filter((id) => this.accepts(id));

    const members = await Promise.all(wanted.map((id) => context.rosterMember?.(id)));
    const rosterNamed: { user: TeamsUser; teamsUserId: string }[] = [];
    wanted.forEach((id, i) => {
      const user = members[i];
      if (!user) return;
      refs.set(id, { user });
      if (pickedIdKind(id) !== 'entra') rosterNamed.push({ user, teamsUserId: id });
    });
    // A roster that lists someone picked earlier by Teams user id names them now.
    for (const named of rosterNamed) await this.noteUser(scope, named.user, named.teamsUserId);

    const rest = wanted.filter((id) => !refs.has(id));
    const known = await Promise.all(rest.map((id) => this.known(scope, id)));
    const askDirectory: string[] = [];
    rest.forEach((id, i) => {
      const person = known[i];
      if (person) refs.set(id, { personId: person.id });
      // Someone still pending is asked about again: the directory may name them now.
      if ((!person || person.pending) && pickedIdKind(id) === 'entra') askDirectory.push(id);
    });

    const listed: Map<string, DirectoryUser> =
      askDirectory.length && this.deps.directory
        ? await this.deps.directory.users(scope.tenantId, askDirectory)
        : new Map();
    const unnamed = askDirectory.filter((id) => !listed.has(id.toLowerCase()));
    if (unnamed.length && context.callersDirectory)
      for (const [id, user] of await context.callersDirectory.users(scope.tenantId, unnamed))
        listed.set(id, user);
    for (const id of askDirectory) {
      const user = listed.get(id.toLowerCase());
      if (user)
        refs.set(id, {
          user: {
            aadObjectId: id,
            displayName: user.displayName.slice(0, 200),
            ...(user.email ? { email: user.email } : {}),
          },
        });
    }
    for (const id of rest) if (!refs.has(id)) refs.set(id, { pending: id });
    return refs;
  }

  /**
   * Someone wrote to the bot (or a roster listed them) with both ids: any pending person they are is named, and
   * their Teams user id is kept so pickers that submit it find them. One read when nothing changes, and none
   * when this process found them so in the last minute ({@link RecentNotes}).
   */
  async noteUser(scope: TenantScope, user: TeamsUser, teamsUserId: string | undefined): Promise<void> {
    const note = `${scope.tenantId} ${user.aadObjectId.toLowerCase()}`;
    // Kept only once they are named with this Teams id: no pending person can then be made for them.
    await this.notedUsers.note(
      note,
      teamsUserId ?? '',
      () => this.nameUser(scope, user, teamsUserId),
      (named) => named,
    );
  }

  /** Names whoever the user still is pending as; true when they are (now) named with this Teams id. */
  private async nameUser(
    scope: TenantScope,
    user: TeamsUser,
    teamsUserId: string | undefined,
  ): Promise<boolean> {
    const read = this.deps.store.read.people;
    const byAad = await read.findByAadObjectId(scope, user.aadObjectId);
    // Named, with this Teams id kept: looking the id up would find them (named people come before pending ones).
    const named = byAad?.kind === 'user' && !byAad.pending;
    if (named && (teamsUserId === undefined || byAad.teamsUserId === teamsUserId)) return true;
    const byTeamsId =
      teamsUserId === undefined ? undefined : await read.findByTeamsUserId(scope, teamsUserId);
    const current =
      !byAad?.pending &&
      !byTeamsId?.pending &&
      (byAad === undefined || teamsUserId === undefined || byAad.teamsUserId === teamsUserId);
    if (current) return false;
    await this.deps.store.transaction((tx) =>
      tx.people.nameUser(scope, user, teamsUserId, this.deps.clock.now().toISOString()),
    );
    return true;
  }

  private accepts(id: string): boolean {
    const kind = pickedIdKind(id);
    return kind === 'entra' || kind === 'teams' || (kind === 'local' && this.deps.localPickerIds === true);
  }

  private known(scope: TenantScope, id: string): Promise<Person | undefined> {
    const people = this.deps.store.read.people;
    return pickedIdKind(id) === 'entra'
      ? people.findByAadObjectId(scope, id)
      : people.findByTeamsUserId(scope, id);
  }
}
