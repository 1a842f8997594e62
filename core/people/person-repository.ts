import type { TenantScope } from '../common/scope';
import type { ContactDetails, Person, TeamsUser } from './person';
import type { DirectoryProfile } from './directory';

/** Storage of people; the only place personal data is kept. */
export interface PersonRepository {
  /** Returns the person for this Teams user, creating them or refreshing their name and e-mail. */
  upsertUser(scope: TenantScope, id: string, user: TeamsUser, now: string): Promise<Person>;
  /** Stores a new partner contact. */
  insertContact(
    scope: TenantScope,
    id: string,
    partnerId: string,
    details: ContactDetails,
    now: string,
  ): Promise<Person>;
  /** Updates a contact's details. */
  updateContact(scope: TenantScope, id: string, details: ContactDetails, now: string): Promise<void>;
  /** The people with these ids in this tenant; unknown ids are simply absent. */
  getMany(scope: TenantScope, ids: readonly string[]): Promise<Person[]>;
  /** The person behind a Teams user id, if known. */
  findByAadObjectId(scope: TenantScope, aadObjectId: string): Promise<Person | undefined>;
  /** Teams users of the tenant whose directory profile was never looked up, or not since `before`. */
  needingProfile(scope: TenantScope, before: string, limit: number): Promise<Person[]>;
  /** Stores what the directory says of a user (kept as it was where it says nothing), and when it was asked. */
  saveProfile(scope: TenantScope, id: string, profile: DirectoryProfile, now: string): Promise<void>;
}
