import { decodeCursor, type PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import type { TenantScope } from '../common/scope';
import { NotFoundError } from '../errors';
import type { AgreedAction } from '../actions/agreed-action';
import type { EvidenceEvent } from '../evidence/evidence-event';
import { personIdsOf } from '../evidence/person-ids';
import { shownSnapshot } from '../evidence/withheld-text';
import type { Person } from '../people/person';
import type { Clock, Ids, Store } from '../ports';
import { REMINDER_STATUSES, type Reminder } from '../reminders/reminder';
import type { ReminderPreferences } from '../reminders/reminder-preferences';

/** Everything the app holds about one person: UK GDPR's right of access. */
export interface PersonData {
  readonly exportedAt: string;
  readonly person: Person;
  /** Evidence that names them: as actor, owner, attendee, contact, witness, respondent or requester. */
  readonly evidence: readonly (Pick<
    EvidenceEvent,
    'spaceId' | 'seq' | 'kind' | 'occurredAt' | 'recordedAt'
  > & {
    readonly snapshot: unknown;
  })[];
  readonly actionsOwned: readonly AgreedAction[];
  readonly reminders: readonly Reminder[];
  readonly reminderPreferences?: ReminderPreferences;
}

const PAGE = 200;

/** Every item of a paged list. */
async function all<T>(read: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let page: PageRequest = { limit: PAGE }; ;) {
    const { items: batch, nextCursor } = await read(page);
    items.push(...batch);
    const after = nextCursor ? decodeCursor(nextCursor) : undefined;
    if (!after) return items;
    page = { limit: PAGE, after };
  }
}

/** Gathers everything about a person across a tenant, and records that it was handed out. */
export class PersonDataExport {
  constructor(private readonly deps: { store: Store; clock: Clock; ids: Ids }) {}

  /** Everything about the signed-in user; undefined when the app has never recorded them. */
  async collectMine(scope: TenantScope, aadObjectId: string): Promise<PersonData | undefined> {
    const me = await this.deps.store.read.people.findByAadObjectId(scope, aadObjectId);
    return me ? this.collect(scope, me.id, me.id) : undefined;
  }

  /** Everything about `personId`; `actor` is whoever asked (their person id, or `admin`). */
  async collect(scope: TenantScope, personId: string, actor: string): Promise<PersonData> {
    const read = this.deps.store.read;
    const [person] = await read.people.getMany(scope, [personId]);
    if (!person) throw new NotFoundError('Person', personId);
    const evidence: PersonData['evidence'][number][] = [];
    for (const space of await read.privacy.evidenceSpaces(scope))
      for await (const e of read.evidence.stream(space, {}))
        if (personIdsOf(e).includes(personId))
          evidence.push({
            spaceId: e.spaceId,
            seq: e.seq,
            kind: e.kind,
            occurredAt: e.occurredAt,
            recordedAt: e.recordedAt,
            snapshot: shownSnapshot(e.snapshot),
          });
    const data: PersonData = {
      exportedAt: this.deps.clock.now().toISOString(),
      person,
      evidence,
      actionsOwned: await all((page) => read.actions.listForOwner(scope, personId, {}, page)),
      reminders: await all((page) => read.reminders.listForOwner(scope, personId, REMINDER_STATUSES, page)),
      reminderPreferences: await read.reminders.preferences(scope, personId),
    };
    await this.deps.store.transaction((tx) =>
      tx.privacy.audit({
        id: this.deps.ids.next('prv'),
        tenantId: scope.tenantId,
        at: data.exportedAt,
        actor,
        action: 'person_exported',
        subject: personId,
        detail: { evidence: evidence.length, actions: data.actionsOwned.length },
      }),
    );
    return data;
  }
}
