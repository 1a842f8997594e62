import type { TenantScope } from '../common/scope';
import type { Clock, Store } from '../ports';
import type { Directory } from './directory';

/** Users looked up per run. */
const BATCH = 100;
/** How long a looked-up profile is trusted before it is asked for again. */
const REFRESH_DAYS = 7;

/**
 * Keeps Teams users' job titles and e-mails as the directory has them, so cards and exports can say who
 * someone is (an assessor reads "Alex Wilber, Customer Service Team Leader"). Users are looked up once, then
 * again after a week; someone the directory does not know is marked as asked, not asked again at once.
 */
export class ProfileRefresh {
  constructor(
    private readonly deps: { store: Store; clock: Clock },
    private readonly directory: Directory,
  ) {}

  /** Looks up a batch of the tenant's users; returns how many profiles were stored. */
  async run(scope: TenantScope): Promise<{ profiles: number }> {
    const now = this.deps.clock.now();
    const before = new Date(now.getTime() - REFRESH_DAYS * 24 * 60 * 60 * 1000).toISOString();
    const people = await this.deps.store.transaction((tx) => tx.people.needingProfile(scope, before, BATCH));
    if (people.length === 0) return { profiles: 0 };
    const found = await this.directory.profiles(
      scope.tenantId,
      people.map((p) => p.aadObjectId!),
    );
    await this.deps.store.transaction(async (tx) => {
      for (const person of people)
        await tx.people.saveProfile(
          scope,
          person.id,
          found.get(person.aadObjectId!.toLowerCase()) ?? {},
          now.toISOString(),
        );
    });
    return { profiles: found.size };
  }

  /** Looks up one Teams user now (someone known here, e.g. when they open the tab); true if a profile was stored. */
  async refreshPerson(scope: TenantScope, aadObjectId: string): Promise<boolean> {
    const person = await this.deps.store.read.people.findByAadObjectId(scope, aadObjectId);
    if (!person || person.kind !== 'user') return false;
    const found = await this.directory.profiles(scope.tenantId, [aadObjectId]);
    const profile = found.get(aadObjectId.toLowerCase());
    await this.deps.store.transaction((tx) =>
      tx.people.saveProfile(scope, person.id, profile ?? {}, this.deps.clock.now().toISOString()),
    );
    return profile !== undefined;
  }
}
