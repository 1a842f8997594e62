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
}

/**
 * An Entra object id: a GUID in Teams; Microsoft 365 Agents Playground uses GUID-like ids with one digit more,
 * so the shape is checked loosely (hex and hyphens, 32 to 40 long).
 */
export const AadObjectId = z
  .string()
  .regex(/^[0-9a-fA-F][0-9a-fA-F-]{30,38}[0-9a-fA-F]$/, 'Not a Teams user id');

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
 * Who someone is, as an input: a Teams user (created on first sight) or an existing person by id
 * (a partner contact, or a user already known).
 */
export const PersonRef = z.union([
  z.object({ user: TeamsUser }),
  z.object({ personId: z.string().min(1).max(64) }),
]);
/** Who someone is, as an input. */
export type PersonRef = z.output<typeof PersonRef>;
