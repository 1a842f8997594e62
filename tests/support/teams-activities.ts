import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aUser, TENANT_A } from '../../testkit/factories';

/** Recorded Teams activity shapes in `teams-activities/`, by file name. */
export type ActivityFixture =
  | 'personal-message'
  | 'group-chat-message'
  | 'channel-message-mention'
  | 'adaptive-card-action'
  | 'card-submit-message'
  | 'compose-extension-query'
  | 'compose-extension-fetch-task'
  | 'compose-extension-submit-action'
  | 'task-fetch'
  | 'task-submit'
  | 'installation-update-personal'
  | 'installation-update-channel'
  | 'conversation-update-team'
  | 'meeting-end';

/** A Teams user as activities carry them: Teams user id (MRI), Entra object id and name. */
export interface TeamsPerson {
  readonly mri: string;
  readonly aadObjectId: string;
  readonly name: string;
  /** Their personal chat with the bot. */
  readonly personalConversationId: string;
}

function person(n: number, name: string, mri: string): TeamsPerson {
  return {
    mri,
    aadObjectId: aUser(n).aadObjectId,
    name,
    personalConversationId: `a:1${name.split(' ')[0]!.toLowerCase()}PersonalChatWithPartnerCrm_Xq7vN3kL0pZrT5yB`,
  };
}

/** The people the fixtures use (the same Entra ids as `aUser(1…3)`). */
export const PEOPLE = {
  alex: person(1, 'Alex Wilber', '29:1alexW8bU5kTzQe0q3nYkJx6pHd2sRfVm9LcG7aPw4'),
  megan: person(2, 'Megan Bowen', '29:1meganB2cX9vR4tY7uI0oP3aS6dF8gH1jK5lZ2xC'),
  adele: person(3, 'Adele Vance', '29:1adeleV3nQ8wE1rT6yU9iO2pA5sD7fG0hJ4kL'),
} as const;

/** The conversations the fixtures use. */
export const PLACES = {
  groupChat: '19:6f1c2b9a8e7d4c3b2a1f0e9d8c7b6a59@thread.v2',
  channel: '19:f3a9c1d2e4b5467a8b9c0d1e2f3a4b5c@thread.tacv2',
  team: '19:Qx8Lm2Rt5Vb7Nc1Zd4Fg6Hj9Kp3Ws0Ye@thread.tacv2',
  tenant: TENANT_A,
  bot: '28:0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e',
} as const;

const DIR = join(__dirname, 'teams-activities');
let sequence = 0;

/**
 * A recorded activity pointed at the fake connector, with a fresh id and the given changes deep-merged in
 * (arrays and `null` replace what was there).
 */
export function teamsActivity(
  fixture: ActivityFixture,
  serviceUrl: string,
  patch: Record<string, unknown> = {},
): any {
  const recorded = JSON.parse(readFileSync(join(DIR, `${fixture}.json`), 'utf8')) as Record<string, unknown>;
  sequence += 1;
  const id =
    typeof recorded.id === 'string' && recorded.id.startsWith('f:')
      ? `f:test-${sequence}`
      : String(1_772_442_000_000 + sequence);
  return merge({ ...recorded, id, serviceUrl }, patch);
}

/** The sender and, for personal chats, their own conversation with the bot. */
export function fromPerson(p: TeamsPerson, personal: boolean): Record<string, unknown> {
  return {
    from: { id: p.mri, name: p.name, aadObjectId: p.aadObjectId },
    ...(personal
      ? { conversation: { conversationType: 'personal', tenantId: TENANT_A, id: p.personalConversationId } }
      : {}),
  };
}

function merge(base: any, patch: any): any {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = {
    ...(base && typeof base === 'object' && !Array.isArray(base) ? base : {}),
  };
  for (const [k, v] of Object.entries(patch)) out[k] = v === undefined ? undefined : merge(out[k], v);
  return out;
}
