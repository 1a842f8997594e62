import type { Scope } from '../common/scope';
import type { Clock, Logger, Store } from '../ports';
import { OPEN_STATUSES, type AgreedAction } from '../actions/agreed-action';
import type { DeliveryRoute, Reminder } from './reminder';
import { tellAssigners } from './assigner-told';
import type { Notifier, ReminderItem, ReminderNotice, SendOutcome } from './reminder-notice';
import { preferencesOf } from './reminder-planner';
import { retryDelay, type RetryPolicy } from './retry-policy';
import { EVERY_TENANT, type TenantDispatch } from './tenant-dispatch';

/** What the dispatcher needs. */
export interface DispatcherDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly notifier: Notifier;
  readonly retry: RetryPolicy;
  /** This process's name in leases. */
  readonly worker: string;
  /** Reminders claimed per tick. */
  readonly batch: number;
  /** How long a claimed reminder is ours before another process may take it over. */
  readonly leaseMs: number;
  /**
   * Messages worked on at once. Most wait their turn under the notifier's rate limits, so this is set well above
   * what the limits let through while one message is on the wire: every tenant then always has a message ready
   * when its limit frees up (bench/reminders measured 1.20× the floor at 48, 1.14–1.15× at 200).
   */
  readonly concurrency?: number;
  /** Which tenants this worker sends for (default: every tenant, as one process alone does). */
  readonly tenants?: TenantDispatch;
  readonly random?: () => number;
  readonly logger?: Logger;
}

/**
 * Sends due reminders: claims a batch with a lease, re-checks each is still wanted (an action done meanwhile is
 * not reminded), sends it (or one digest per owner who chose that), and records the outcome: delivered,
 * retried later with backoff, or failed. A crash between sending and recording can only repeat the sends that
 * were in flight: their leases run out and another tick sends them again.
 */
export class ReminderDispatcher {
  /** Reminders claimed and not yet recorded, per tenant: those tenants stay this worker's until done. */
  private readonly held = new Map<string, number>();
  private othersHoldDue = false;

  constructor(private readonly deps: DispatcherDeps) {}

  /** Whether the last claim found reminders due in tenants other workers were sending: worth looking again soon. */
  get waitingForTenants(): boolean {
    return this.othersHoldDue;
  }

  /** One round: claims one batch, sends it all, and returns how many reminders it claimed. */
  tick(): Promise<number> {
    return this.drain(() => false);
  }

  /**
   * Sends until nothing more is due (or `keepGoing` says stop): claims the next batch while the last is still
   * being sent, whenever fewer than half a batch wait, so senders never stand idle at a batch's end while one
   * tenant's last messages wait out its rate limit. Returns how many reminders it claimed.
   */
  async drain(keepGoing: () => boolean = () => true): Promise<number> {
    const queue: Reminder[][] = [];
    let claimedTotal = 0;
    let exhausted = false;
    let refilling: Promise<void> | undefined;
    let failure: { error: unknown } | undefined;
    const refill = () =>
      (refilling ??= (async () => {
        try {
          const claimed = await this.claim();
          claimedTotal += claimed.length;
          if (claimed.length < this.deps.batch || !keepGoing()) exhausted = true;
          queue.push(...(await this.groups(claimed)));
        } catch (error) {
          // The store failed: send what is already claimed, then report it.
          failure ??= { error };
          exhausted = true;
        } finally {
          refilling = undefined;
        }
      })());
    const sender = async () => {
      for (;;) {
        if (queue.length < this.deps.batch / 2 && !exhausted) {
          if (queue.length === 0) await refill();
          else void refill();
        }
        const group = queue.shift();
        if (group)
          try {
            await this.deliver(group);
          } finally {
            this.letGo(group);
          }
        else if (exhausted && !refilling) return;
        else await refilling;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.deps.concurrency ?? 1) }, sender));
    if (failure) throw failure.error;
    return claimedTotal;
  }

  private async claim(): Promise<Reminder[]> {
    const { store, clock, worker, batch, leaseMs } = this.deps;
    const now = clock.now();
    const turn = await (this.deps.tenants ?? EVERY_TENANT).claimable(now, new Set(this.held.keys()));
    this.othersHoldDue = turn.othersHoldDue;
    const claimed = await store.queue.claimDue(
      now.toISOString(),
      batch,
      new Date(now.getTime() + leaseMs).toISOString(),
      worker,
      turn.tenants === 'all' ? undefined : turn.tenants,
    );
    for (const r of claimed) this.held.set(r.tenantId, (this.held.get(r.tenantId) ?? 0) + 1);
    return claimed;
  }

  /**
   * A message's reminders are recorded (or abandoned): its tenant is no longer held for them, and a tenant
   * left with none is given up at once if this worker was handing it on (its next claim would, later).
   */
  private letGo(group: readonly Reminder[]): void {
    for (const r of group) {
      const left = (this.held.get(r.tenantId) ?? 1) - 1;
      if (left > 0) this.held.set(r.tenantId, left);
      else {
        this.held.delete(r.tenantId);
        this.deps.tenants?.settled?.(r.tenantId).catch((error: unknown) =>
          this.deps.logger?.warn('tenant not handed on early', {
            tenant: r.tenantId,
            error: String(error),
          }),
        );
      }
    }
  }

  /** Claimed reminders as messages: one each, or one per owner who chose a daily digest. */
  private async groups(claimed: readonly Reminder[]): Promise<Reminder[][]> {
    // Each owner's preferences once, all read at once: the batch's first message waits for these.
    const ownerOf = (r: Reminder) => `${r.tenantId}|${r.ownerId}`;
    const owners = [...new Map(claimed.map((r) => [ownerOf(r), r])).entries()];
    const digest = new Map(
      await Promise.all(
        owners.map(
          async ([key, r]) =>
            [key, (await preferencesOf(this.deps.store.read, r, r.ownerId)).digest] as const,
        ),
      ),
    );
    const byOwner = new Map<string, Reminder[]>();
    const single: Reminder[][] = [];
    for (const r of claimed) {
      if (!digest.get(ownerOf(r))) single.push([r]);
      else byOwner.set(ownerOf(r), [...(byOwner.get(ownerOf(r)) ?? []), r]);
    }
    return [...single, ...byOwner.values()];
  }

  private async deliver(reminders: Reminder[]): Promise<void> {
    const items: ReminderItem[] = [];
    for (const r of reminders) {
      const item = await this.itemOf(r);
      if (item) items.push(item);
      else
        await this.finish(
          r,
          { status: 'cancelled', attempts: r.attempts },
          { outcome: 'cancelled', detail: 'No longer due' },
        );
    }
    const live = reminders.filter((r) => items.some((i) => i.reminderId === r.id));
    if (live.length === 0) return;
    const first = live[0]!;
    const [owner] = await this.deps.store.read.people.getMany(first, [first.ownerId]);
    if (!owner) {
      for (const r of live)
        await this.finish(
          r,
          { status: 'failed', attempts: r.attempts + 1, error: 'The owner is no longer recorded' },
          { outcome: 'failed', detail: 'Owner not found' },
        );
      return;
    }
    const notice: ReminderNotice = {
      tenantId: first.tenantId,
      owner,
      items,
      digest: live.length > 1,
      leaseUntil: new Date(Math.min(...live.map((r) => this.leaseEnd(r)))),
    };
    let outcome: SendOutcome;
    try {
      outcome = await this.deps.notifier.send(notice);
    } catch (err) {
      // An unexpected failure in the notifier is retried like a server error, and logged for us to fix.
      this.deps.logger?.error('reminder send threw', { error: err, reminders: live.map((r) => r.id) });
      outcome = { kind: 'retry', detail: 'The notifier failed unexpectedly' };
    }
    // Nothing reaches the owner: whoever assigned the work is told (once), and the log says which it was.
    const route =
      outcome.kind === 'failed' && outcome.unreachable
        ? await tellAssigners(this.deps, notice, live)
        : undefined;
    for (const r of live) await this.record(r, outcome, route);
  }

  private async record(r: Reminder, outcome: SendOutcome, failedRoute?: DeliveryRoute): Promise<void> {
    const attempts = r.attempts + 1;
    const now = this.deps.clock.now();
    if (outcome.kind === 'sent') {
      await this.finish(
        r,
        { status: 'delivered', at: now.toISOString() },
        { outcome: 'sent', route: outcome.route, statusCode: outcome.statusCode },
      );
    } else if (outcome.kind === 'retry' && attempts < this.deps.retry.maxAttempts) {
      const wait = retryDelay(
        this.deps.retry,
        r.attempts,
        outcome.retryAfterMs,
        this.deps.random ?? Math.random,
      );
      await this.finish(
        r,
        {
          status: 'pending',
          nextAttemptAt: new Date(now.getTime() + wait).toISOString(),
          attempts,
          error: outcome.detail,
        },
        {
          outcome: 'retry',
          statusCode: outcome.statusCode,
          detail: `${outcome.detail}; next try in ${Math.round(wait / 1000)} s`,
        },
      );
    } else {
      const detail =
        outcome.kind === 'retry' ? `${outcome.detail}; gave up after ${attempts} attempts` : outcome.detail;
      await this.finish(
        r,
        { status: 'failed', attempts, error: detail },
        { outcome: 'failed', route: failedRoute, statusCode: outcome.statusCode, detail },
      );
    }
  }

  private async finish(
    r: Reminder,
    state: Parameters<Store['queue']['finish']>[2],
    log: {
      outcome: 'sent' | 'retry' | 'failed' | 'cancelled';
      route?: DeliveryRoute;
      statusCode?: number;
      detail?: string;
    },
  ): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    const attempt = { tenantId: r.tenantId, reminderId: r.id, attempt: r.attempts + 1, at: now, ...log };
    const kept = await this.deps.store.queue.finish(r, this.deps.worker, state, now, attempt);
    if (!kept)
      this.deps.logger?.warn('reminder lease lost before its outcome was recorded', { reminder: r.id });
  }

  /** When our claim on a reminder runs out (as claimed, or a full lease from now if the store did not say). */
  private leaseEnd(r: Reminder): number {
    return r.leaseUntil ? Date.parse(r.leaseUntil) : this.deps.clock.now().getTime() + this.deps.leaseMs;
  }

  /** Who assigned an action, by name, and when the meeting it was agreed at took place: an assignment notice says. */
  private async assignedHow(
    scope: Scope,
    action: AgreedAction,
  ): Promise<Pick<ReminderItem, 'assignerName' | 'meetingAt'>> {
    const read = this.deps.store.read;
    const [[assigner], meeting] = await Promise.all([
      read.people.getMany(scope, [action.createdBy]),
      action.meetingId === undefined ? undefined : read.meetings.get(scope, action.meetingId),
    ]);
    return { assignerName: assigner?.displayName, meetingAt: meeting?.occurredAt };
  }

  /** What a reminder is about, if it is still wanted. */
  private async itemOf(r: Reminder): Promise<ReminderItem | undefined> {
    const read = this.deps.store.read;
    const scope: Scope = { tenantId: r.tenantId, spaceId: r.spaceId };
    const base = {
      reminderId: r.id,
      kind: r.kind,
      spaceId: r.spaceId,
      subjectId: r.subjectId,
      date: r.occursOn,
    };
    const partnerNamed = async (partnerId: string | undefined) =>
      partnerId ? { partnerId, partnerName: (await read.partners.get(scope, partnerId))?.name } : {};
    switch (r.subjectType) {
      case 'checkin': {
        const schedule = await read.checkIns.get(scope, r.subjectId);
        if (!schedule?.active || schedule.nextDueDate > r.occursOn) return undefined;
        const partner = await read.partners.get(scope, schedule.partnerId);
        return {
          ...base,
          partnerId: schedule.partnerId,
          partnerName: partner?.name,
          title: `Check in with ${partner?.name ?? 'your partner'}`,
          date: schedule.nextDueDate,
          assignedBy: partner?.createdBy,
        };
      }
      case 'action': {
        const action = await read.actions.get(scope, r.subjectId);
        if (!action || !OPEN_STATUSES.includes(action.status)) return undefined;
        return {
          ...base,
          ...(await partnerNamed(action.partnerId)),
          title: action.title,
          date: action.dueDate,
          assignedBy: action.createdBy,
          ...(r.kind === 'action_assigned' ? await this.assignedHow(scope, action) : {}),
        };
      }
      case 'agreement': {
        const agreement = await read.agreements.get(scope, r.subjectId);
        if (agreement?.status !== 'agreed') return undefined;
        return {
          ...base,
          title: `Review the agreement “${agreement.title}”`,
          assignedBy: agreement.createdBy,
        };
      }
      case 'sla': {
        const sla = await read.slas.get(scope, r.subjectId);
        if (sla?.status !== 'active') return undefined;
        const named = await partnerNamed(sla.partnerId);
        return {
          ...base,
          ...named,
          title: `Review the ${sla.label ?? sla.metric.replace(/_/g, ' ')} SLA with ${named.partnerName ?? 'your partner'}`,
          assignedBy: sla.createdBy,
        };
      }
    }
  }
}
