import { z } from 'zod';
import { optionalText, requiredText } from '../common/text';

/** A colleague who uses Teams (`user`) or a contact person at a partner (`contact`). */
export type PersonKind = 'user' | 'contact';

/**
 * Someone records refer to. Personal data (name, e-mail, phone) lives only here, never inside evidence
 * snapshots, so a person can be erased or pseudonymised while the evidence chain still verifies.
 */
export interface Person {
  readonly id: string;
  readonly tenantId: string;
  readonly kind: PersonKind;
  readonly displayName: string;
  readonly email?: string;
  readonly phone?: string;
  readonly jobTitle?: string;
  /** Entra object id, for Teams users; the key proactive messages and SSO use. */
  readonly aadObjectId?: string;
  /** The partner a contact works for. */
  readonly partnerId?: string;
  /** The Teams user id (`29:…`, or a local client's own id) the person was picked or last wrote with. */
  readonly teamsUserId?: string;
  /**
   * A colleague picked before anything could name them: `displayName` is then a stand-in (`pendingName`) until
   * they write to the bot, a roster or the directory lists them.
   */
  readonly pending?: true;
  /**
   * A pending person shown by a name a colleague typed (this is that colleague's person id): Teams has not
   * confirmed it, and the name Teams or the directory gives replaces it.
   */
  readonly nameTypedBy?: string;
}

/**
 * An Entra object id: a GUID in Teams; Microsoft 365 Agents Playground uses GUID-like ids with one digit more,
 * so the shape is checked loosely (hex and hyphens, 32 to 40 long).
 */
export const AadObjectId = z
  .string()
  .regex(/^[0-9a-fA-F][0-9a-fA-F-]{30,38}[0-9a-fA-F]$/, 'Not a Teams user id');

/** A Teams user id as the Bot Connector and Teams' people pickers give it (`29:…`). */
export const TeamsUserId = z.string().regex(/^29:[\w-]{1,1000}$/, 'Not a Teams user id');

/**
 * An id a local client's directory uses for its users (Agents Playground submits `user-id-2` and so on):
 * accepted only where the product runs in local mode.
 */
export const LocalDirectoryId = z.string().regex(/^[A-Za-z0-9][\w.-]{0,63}$/, 'Not a user id');

/**
 * Whom a people picker submitted, when nothing could name them yet: an Entra object id, a Teams user id, or a
 * local client's own user id. Such a person is stored pending, by this id, and named when anything names them.
 */
export const PickedId = z.union([AadObjectId, TeamsUserId, LocalDirectoryId], {
  error: 'Not someone Teams knows: pick this person again',
});

/** A Teams user as the edges see them (activity `from`, people picker, SSO token). */
export const TeamsUser = z.object({
  aadObjectId: AadObjectId,
  displayName: requiredText(200, 'Name'),
  email: z.email('Not an e-mail address').max(254).optional(),
});
/** A Teams user as the edges see them. */
export type TeamsUser = z.output<typeof TeamsUser>;

/** A phone number: digits with the usual separators, 5 to 20 digits. */
export const PhoneNumber = z
  .string()
  .trim()
  .regex(/^\+?[\d\s().-]{5,30}$/, 'Use digits, spaces and + ( ) - only')
  .refine((s) => (s.match(/\d/g) ?? []).length >= 5, 'A phone number has at least 5 digits');

/** Names and reach of a new partner contact. */
export const ContactDetails = z.object({
  displayName: requiredText(200, 'Name'),
  email: z.email('Not an e-mail address').max(254).optional(),
  phone: PhoneNumber.optional(),
  jobTitle: optionalText(200, 'Job title'),
});
/** Names and reach of a new partner contact. */
export type ContactDetails = z.output<typeof ContactDetails>;

/**
 * Who someone is, as an input: a Teams user (created on first sight), an existing person by id (a partner
 * contact, or a user already known), or a colleague nothing could name yet, by the id a picker submitted
 * (stored as a pending person; see `PickedId`).
 */
export const PersonRef = z.union([
  z.object({ user: TeamsUser }),
  z.object({ personId: z.string().min(1).max(64) }),
  z.object({ pending: PickedId }),
]);
/** Who someone is, as an input. */
export type PersonRef = z.output<typeof PersonRef>;
