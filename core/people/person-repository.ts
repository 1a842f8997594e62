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
  /** The person last known by this Teams user id (`29:…`, or a local client's own id), named people first. */
  findByTeamsUserId(scope: TenantScope, teamsUserId: string): Promise<Person | undefined>;
  /**
   * The person a picker's id names (an Entra object id, else a Teams user id), creating a pending person with
   * no name yet when nobody has that id.
   */
  upsertPending(scope: TenantScope, id: string, pickedId: string, now: string): Promise<Person>;
  /**
   * Names the pending people who are this Teams user (by Entra object id or Teams user id), gives a pending
   * person known only by Teams user id the Entra id, and notes the Teams user id of the named person.
   */
  nameUser(scope: TenantScope, user: TeamsUser, teamsUserId: string | undefined, now: string): Promise<void>;
  /**
   * Shows a pending person by a name a colleague typed (`typedBy`, their person id), until Teams or the directory
   * names them. False when nothing changed: the person is not pending (any more), or already shown so.
   */
  typeName(
    scope: TenantScope,
    id: string,
    displayName: string,
    typedBy: string,
    now: string,
  ): Promise<boolean>;
  /** Teams users of the tenant whose directory profile was never looked up, or not since `before`. */
  needingProfile(scope: TenantScope, before: string, limit: number): Promise<Person[]>;
  /** Stores what the directory says of a user (kept as it was where it says nothing), and when it was asked. */
  saveProfile(scope: TenantScope, id: string, profile: DirectoryProfile, now: string): Promise<void>;
}
