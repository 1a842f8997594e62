import type { Caller } from '../common/caller';
import type { TenantScope } from '../common/scope';
import { NotFoundError } from '../errors';
import { canonicalJson } from '../evidence/json';
import { commitment } from '../evidence/leaf-commitment';
import { withholdMentions } from '../evidence/withheld-text';
import type { Clock, Ids, Store } from '../ports';
import { MentionScrubber } from './mention-scrubber';

/** What an erasure changed. */
export interface ErasureReport {
  readonly personId: string;
  /** The name shown wherever the person's name was. */
  readonly pseudonym: string;
  /** Free texts of records that mentioned them. */
  readonly recordTexts: number;
  /** Evidence events whose snapshot mentioned them (their text withheld, their hashes unchanged). */
  readonly evidenceEvents: number;
}

/**
 * Erases a person (a colleague or a partner contact) from a tenant, UK GDPR's right to erasure, in one
 * transaction: their name becomes a pseudonym, their e-mail, phone, job title and Teams identity go, every
 * mention of them in free text is replaced, and so is every mention in the evidence chain, where the original
 * string is kept only as the digest the event hash commits to. The chain still verifies, and the records
 * still say that someone took part, but no longer who.
 */
export class PersonErasure {
  constructor(private readonly deps: { store: Store; clock: Clock; ids: Ids }) {}

  /**
   * Erases a contact of one of the caller's space's partners, at the request of someone working with that
   * partner. Anyone else (a colleague, a contact of another space's partner) is "not found" here.
   */
  async eraseContact(caller: Caller, personId: string): Promise<ErasureReport> {
    const read = this.deps.store.read;
    const [person] = await read.people.getMany(caller.scope, [personId]);
    const partner = person?.partnerId ? await read.partners.get(caller.scope, person.partnerId) : undefined;
    if (!person || person.kind !== 'contact' || !partner) throw new NotFoundError('Contact', personId);
    const me = await read.people.findByAadObjectId(caller.scope, caller.user.aadObjectId);
    return this.erase(caller.scope, personId, me?.id ?? `aad:${caller.user.aadObjectId}`);
  }

  /** Erases `personId`; `actor` is the person id of whoever asked, or `admin`. */
  async erase(scope: TenantScope, personId: string, actor: string): Promise<ErasureReport> {
    const now = this.deps.clock.now().toISOString();
    return this.deps.store.transaction(async (tx) => {
      const [person] = await tx.people.getMany(scope, [personId]);
      if (!person) throw new NotFoundError('Person', personId);
      const pseudonym = `Erased ${person.kind === 'contact' ? 'contact' : 'person'} ${personId.slice(-4).toUpperCase()}`;
      const { scrub } = new MentionScrubber(person, pseudonym);

      await tx.privacy.pseudonymisePerson(scope, personId, pseudonym, now);
      const recordTexts = await tx.privacy.scrubRecordTexts(scope, scrub);
      let evidenceEvents = 0;
      for (const space of await tx.privacy.evidenceSpaces(scope))
        for await (const event of tx.evidence.stream(space, {})) {
          const withheld = withholdMentions(event.snapshot, scrub);
          const before = canonicalJson(commitment(event.snapshot));
          if (canonicalJson(withheld) === canonicalJson(event.snapshot)) continue;
          // Withholding changes what is shown, never what the hash commits to; if it did, the chain would break.
          if (canonicalJson(commitment(withheld)) !== before)
            throw new Error(`erasure would change event ${event.id}'s hash`);
          await tx.privacy.replaceSnapshot(space, event.seq, withheld);
          evidenceEvents += 1;
        }
      if (person.aadObjectId) await tx.privacy.forgetTeamsUser(scope, personId, person.aadObjectId);

      const report = { personId, pseudonym, recordTexts, evidenceEvents };
      await tx.privacy.audit({
        id: this.deps.ids.next('prv'),
        tenantId: scope.tenantId,
        at: now,
        actor,
        action: 'person_erased',
        subject: personId,
        detail: { recordTexts, evidenceEvents },
      });
      return report;
    });
  }
}
