import type { Core } from '../core/core';
import type { TeamsUser } from '../core/people/person';
import { aPartnerInput } from './factories';

/** How many due reminders to make, for whom. */
export interface ReminderSeedPlan {
  readonly tenants: number;
  readonly ownersPerTenant: number;
  readonly partnersPerOwner: number;
  /** Where owners' personal chats live (the fake connector). */
  readonly serviceUrl: string;
  /** Seed the tenants side by side rather than one after another. */
  readonly parallel?: boolean;
}

/** One owner the seed made, with the conversation their reminders go to. */
export interface SeededOwner {
  readonly tenantId: string;
  readonly user: TeamsUser;
  readonly conversationId: string;
}

/** The tenant id of seed tenant `t`. */
export function seedTenant(t: number): string {
  return `7e1c0a5e-0000-4000-8000-${String(t).padStart(12, '0')}`;
}

/** The number and personal chat of owner `o` of seed tenant `t` (the same in every run). */
export function seededOwnerAddress(t: number, o: number, ownersPerTenant: number) {
  const n = t * ownersPerTenant + o + 1;
  return { n, tenantId: seedTenant(t), conversationId: `a:1owner${n}PersonalChat` };
}

/**
 * Owners who have chatted with the bot (so their personal chat is known), each owning partners with a daily
 * check-in. With the core's clock before 09:00 UTC on a weekday, every partner has one check-in reminder due
 * at 09:00 UTC the next day: `tenants × ownersPerTenant × partnersPerOwner` reminders.
 */
export async function seedDueCheckIns(core: Core, plan: ReminderSeedPlan): Promise<SeededOwner[]> {
  const tenants = Array.from({ length: plan.tenants }, (_, t) => t);
  // Tenants are independent: seeded side by side when asked (PostgreSQL then writes them on parallel connections).
  const perTenant = plan.parallel
    ? await Promise.all(tenants.map((t) => seedTenantOwners(core, plan, t)))
    : await tenants.reduce<Promise<SeededOwner[][]>>(
        async (done, t) => [...(await done), await seedTenantOwners(core, plan, t)],
        Promise.resolve([]),
      );
  return perTenant.flat();
}

/** Seeds one tenant's owners of the plan. */
async function seedTenantOwners(core: Core, plan: ReminderSeedPlan, t: number): Promise<SeededOwner[]> {
  const owners: SeededOwner[] = [];
  const tenantId = seedTenant(t);
  for (let o = 0; o < plan.ownersPerTenant; o++) {
    const { n, conversationId } = seededOwnerAddress(t, o, plan.ownersPerTenant);
    const user: TeamsUser = {
      aadObjectId: `0a0b0c0d-0000-4000-8000-${String(n).padStart(12, '0')}`,
      displayName: `Owner ${n}`,
    };
    await core.conversations.remember({
      tenantId,
      kind: 'user',
      key: user.aadObjectId,
      serviceUrl: plan.serviceUrl,
      channelId: 'msteams',
      botId: '28:partner-crm',
      conversationId,
      userId: `29:1owner${n}`,
    });
    const caller = { scope: { tenantId, spaceId: `personal:${user.aadObjectId}` }, user };
    for (let p = 0; p < plan.partnersPerOwner; p++)
      await core.partners.add(
        caller,
        aPartnerInput({
          name: `Partner ${n}-${p + 1}`,
          relationshipOwner: { user },
          checkInCadence: { every: 1, unit: 'day' },
        }),
      );
    owners.push({ tenantId, user, conversationId });
  }
  return owners;
}

/** The reminder ids in the cards a connector received (every reminder card carries them on its Snooze button). */
export function remindedIds(posted: readonly any[]): string[] {
  return posted.flatMap((activity) => {
    const text = JSON.stringify(activity?.attachments?.[0]?.content ?? {});
    const match = /"reminderIds":\[([^\]]*)\]/.exec(text);
    return match ? (JSON.parse(`[${match[1]}]`) as string[]) : [];
  });
}
