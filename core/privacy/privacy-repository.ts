import type { Scope, TenantScope } from '../common/scope';

/** One entry of the data-rights record. */
export interface PrivacyAuditEntry {
  readonly id: string;
  readonly tenantId: string;
  readonly at: string;
  /** A person id, or `admin` for the command-line tools, or `system` for scheduled purges. */
  readonly actor: string;
  readonly action: 'person_exported' | 'person_erased' | 'space_purged';
  /** The person or space the action was about. */
  readonly subject: string;
  readonly detail: Readonly<Record<string, number | string>>;
}

/** Where the app was removed, and when: a space past its grace period is purged. */
export interface RemovedSpace extends Scope {
  readonly removedAt: string;
}

/**
 * Tenant-wide work on personal data, for erasure and purges. Everything else reaches data one record at a
 * time; these operations touch every table that can hold a person's name or a space's records.
 */
export interface PrivacyRepository {
  /** Replaces a person's name with `pseudonym` and removes their e-mail, phone, job title and Teams identity. */
  pseudonymisePerson(scope: TenantScope, personId: string, pseudonym: string, now: string): Promise<void>;
  /**
   * Passes every free text of the tenant's records (titles, minutes, notes, agreement wording, remembered
   * answers) through `scrub`, writing back those it changes; returns how many were changed.
   */
  scrubRecordTexts(scope: TenantScope, scrub: (text: string) => string): Promise<number>;
  /** The spaces of the tenant that have an evidence chain. */
  evidenceSpaces(scope: TenantScope): Promise<Scope[]>;
  /** Stores a snapshot whose strings were withheld (the caller has checked the event hash still holds). */
  replaceSnapshot(scope: Scope, seq: number, snapshot: unknown): Promise<void>;
  /** Forgets a Teams user's delivery address, reminder settings and pending reminders. */
  forgetTeamsUser(scope: TenantScope, personId: string, aadObjectId: string): Promise<void>;
  /** Team and chat spaces whose app was removed before `before` and not added back. */
  removedBefore(before: string): Promise<RemovedSpace[]>;
  /** Deletes every record of a space, its evidence chain and its delivery address; returns rows deleted. */
  purgeSpace(space: Scope): Promise<number>;
  /** Partner contacts of partners archived before `before`, not yet erased. */
  contactsOfPartnersArchivedBefore(before: string): Promise<{ tenantId: string; personId: string }[]>;
  /** Appends to the data-rights record. */
  audit(entry: PrivacyAuditEntry): Promise<void>;
  /** The latest entries of a tenant's data-rights record, newest first. */
  auditLog(scope: TenantScope, limit: number): Promise<PrivacyAuditEntry[]>;
}
