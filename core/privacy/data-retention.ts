import type { Clock, Ids, Store } from '../ports';
import { PersonErasure } from './person-erasure';

/** How long data outlives its use. */
export interface RetentionPolicy {
  /** Days a team's or chat's records are kept after the app was removed there (it may be added back). */
  readonly uninstallGraceDays: number;
  /** Days after a partner is archived that its contacts are erased; 0 keeps them. */
  readonly archivedContactDays: number;
}

/** What one retention run did. */
export interface RetentionReport {
  readonly spacesPurged: number;
  readonly rowsDeleted: number;
  readonly contactsErased: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Applies the retention policy: purges every team and group chat whose app was removed longer ago than the
 * grace period (and not added back), and erases the contacts of partners archived long enough ago. Each purge
 * and erasure is its own transaction and is recorded in the data-rights record.
 */
export class DataRetention {
  private readonly erasure: PersonErasure;

  constructor(
    private readonly deps: { store: Store; clock: Clock; ids: Ids },
    private readonly policy: RetentionPolicy,
  ) {
    this.erasure = new PersonErasure(deps);
  }

  async run(): Promise<RetentionReport> {
    const now = this.deps.clock.now();
    const graceEnd = new Date(now.getTime() - this.policy.uninstallGraceDays * DAY_MS).toISOString();
    let spacesPurged = 0;
    let rowsDeleted = 0;
    const removed = await this.deps.store.transaction((tx) => tx.privacy.removedBefore(graceEnd));
    for (const space of removed) {
      rowsDeleted += await this.deps.store.transaction(async (tx) => {
        const rows = await tx.privacy.purgeSpace(space);
        await tx.privacy.audit({
          id: this.deps.ids.next('prv'),
          tenantId: space.tenantId,
          at: now.toISOString(),
          actor: 'system',
          action: 'space_purged',
          subject: space.spaceId,
          detail: { rows, removedAt: space.removedAt },
        });
        return rows;
      });
      spacesPurged += 1;
    }
    let contactsErased = 0;
    if (this.policy.archivedContactDays > 0) {
      const archivedBefore = new Date(now.getTime() - this.policy.archivedContactDays * DAY_MS).toISOString();
      const contacts = await this.deps.store.transaction((tx) =>
        tx.privacy.contactsOfPartnersArchivedBefore(archivedBefore),
      );
      for (const { tenantId, personId } of contacts) {
        await this.erasure.erase({ tenantId }, personId, 'system');
        contactsErased += 1;
      }
    }
    return { spacesPurged, rowsDeleted, contactsErased };
  }
}
