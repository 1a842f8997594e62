import type { Pool } from 'pg';
import type { Logger } from '../../../core/ports';
import type { TenantDispatch, TenantTurn } from '../../../core/reminders/tenant-dispatch';

/** How a worker holds tenants. */
export interface TenantLeaseOptions {
  /** This worker's name (the reminders' lease owner). */
  readonly worker: string;
  /** How long a lease holds without renewal: a dead worker's tenants move on after this. */
  readonly leaseMs: number;
  /**
   * How long a tenant given up stays untaken, so its last sends leave Teams' short windows (per tenant 1 s, per
   * conversation up to 2 s) before another worker starts counting afresh.
   */
  readonly handoverMs: number;
  /**
   * How long a worker waits after its first look before it takes tenants, so that processes started together
   * count each other first: the first to look would otherwise take every tenant and hand most of them on.
   */
  readonly joinMs?: number;
  /** Told which tenants this worker takes and gives up (info): who sends whom, when, in the server's log. */
  readonly logger?: Logger;
}

/**
 * The most tenants a worker keeps sending for when its fair share is `fair`: half as many again, rounded down
 * (so a share of one is kept exactly: with as many workers as tenants, each sends one).
 */
function tolerated(fair: number): number {
  return fair + Math.floor(fair / 2);
}

/** The database's clock in milliseconds: every process reckons leases by it, whatever its own clock says. */
const DB_NOW = `(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT`;

/**
 * Per-tenant dispatch ownership through PostgreSQL leases: a worker sends a tenant's reminders only while it
 * holds the tenant's lease, so one process at a time paces each tenant under Teams' limits with its in-memory
 * limiter. Every worker takes its fair share (tenants with reminders due ÷ workers alive), keeps a tenant while
 * it has work there, gives up what is well over its share once its messages there are recorded, and gives up a
 * tenant whose wave is done. A worker that dies stops renewing; its tenants are taken after `leaseMs`.
 */
export class PostgresTenantDispatch implements TenantDispatch {
  /** Tenants this worker sends its last held messages for, to give up as soon as they are recorded. */
  private handingOn = new Set<string>();
  /** When this worker first looked for tenants (by the clock it is given). */
  private firstLook?: number;

  constructor(
    private readonly pool: Pool,
    private readonly options: TenantLeaseOptions,
  ) {}

  async claimable(now: Date, busy: ReadonlySet<string>): Promise<TenantTurn> {
    const { worker, leaseMs, joinMs = 0 } = this.options;
    this.firstLook ??= now.getTime();
    if (now.getTime() - this.firstLook < joinMs) {
      await this.present();
      return { tenants: [], othersHoldDue: true };
    }
    // Statement by statement, each atomic on its own: no transaction holds one lease row while waiting for
    // another, so workers renewing and taking at once cannot deadlock.
    const db = this.pool;
    const live = await this.present();
    const due = await this.tenantsDue(now.toISOString());
    const mine = (
      await db.query<{ tenant_id: string }>(
        `SELECT tenant_id FROM reminder_tenant_leases WHERE owner = $1 AND lease_until > ${DB_NOW}`,
        [worker],
      )
    ).rows.map((r) => r.tenant_id);
    // Tenants with work left for us: due ones, and those whose messages we still hold.
    const working = mine.filter((t) => due.has(t) || busy.has(t));
    const fair = Math.max(1, Math.ceil(new Set([...due, ...working]).size / live));
    // Well over our share (a worker alone at the start takes everything): keep the busy ones longest (their
    // queue is already here) and drain the rest. Within half a share again we keep them all: a tenant handed on
    // mid-wave pauses for the handover, which costs it more than sending from a worker that keeps up.
    const share = working.length > tolerated(fair) ? fair : working.length;
    const kept = [...working].sort((a, b) => Number(busy.has(b)) - Number(busy.has(a))).slice(0, share);
    const draining = working.filter((t) => !kept.includes(t));
    const release = mine.filter((t) => !kept.includes(t) && !busy.has(t));
    // What we still send for, kept or draining, stays ours until it is done.
    const renewed = mine.filter((t) => !release.includes(t));
    if (release.length > 0) await this.release(release);
    if (renewed.length > 0)
      await db.query(
        `UPDATE reminder_tenant_leases SET lease_until = ${DB_NOW} + $2 WHERE owner = $1 AND tenant_id = ANY($3)`,
        [worker, leaseMs, renewed],
      );
    this.handingOn = new Set(draining);
    const taken = await this.take([...due].filter((t) => !mine.includes(t)).sort(), fair - kept.length);
    if (taken.length > 0) this.options.logger?.info('reminder tenants taken', { tenants: taken, live, fair });
    const ours = [...kept, ...taken];
    return {
      tenants: ours,
      othersHoldDue: [...due].some((t) => !ours.includes(t) && !draining.includes(t)),
    };
  }

  async settled(tenant: string): Promise<void> {
    if (!this.handingOn.delete(tenant)) return;
    await this.release([tenant]);
  }

  /** Keeps this worker counted among the living and its tenants' leases alive between claims. */
  async renew(): Promise<void> {
    await this.present();
    await this.pool.query(
      `UPDATE reminder_tenant_leases SET lease_until = ${DB_NOW} + $2 WHERE owner = $1 AND lease_until > ${DB_NOW}`,
      [this.options.worker, this.options.leaseMs],
    );
  }

  /** Gives every tenant up (the process is stopping), so others take them after the handover pause. */
  async releaseAll(): Promise<void> {
    await this.pool.query(`DELETE FROM reminder_workers WHERE worker = $1`, [this.options.worker]);
    await this.pool.query(
      `UPDATE reminder_tenant_leases SET owner = NULL, lease_until = ${DB_NOW} + $2 WHERE owner = $1`,
      [this.options.worker, this.options.handoverMs],
    );
  }

  /** Gives tenants up: another worker may take them once the handover pause has passed. */
  private async release(tenants: readonly string[]): Promise<void> {
    this.options.logger?.info('reminder tenants given up', { tenants });
    await this.pool.query(
      `UPDATE reminder_tenant_leases SET owner = NULL, lease_until = ${DB_NOW} + $2
         WHERE owner = $1 AND tenant_id = ANY($3)`,
      [this.options.worker, this.options.handoverMs, tenants],
    );
  }

  /** Records this worker as alive; returns how many workers are. */
  private async present(): Promise<number> {
    await this.pool.query(
      `INSERT INTO reminder_workers (worker, seen_until) VALUES ($1, ${DB_NOW} + $2)
       ON CONFLICT (worker) DO UPDATE SET seen_until = EXCLUDED.seen_until`,
      [this.options.worker, this.options.leaseMs],
    );
    const { rows } = await this.pool.query<{ n: string }>(
      `SELECT COUNT(*) AS n FROM reminder_workers WHERE seen_until > ${DB_NOW}`,
    );
    return Math.max(1, Number(rows[0]!.n));
  }

  /**
   * Tenants with reminders to send now: pending and due, or claimed by a worker whose claim ran out. Two
   * queries, each walking the reminders' (status, due_at) index over the rows that matter only.
   */
  private async tenantsDue(now: string): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ tenant_id: string }>(
      `SELECT DISTINCT tenant_id FROM reminders
         WHERE status = 'pending' AND due_at <= $1 AND (next_attempt_at IS NULL OR next_attempt_at <= $1)
       UNION
       SELECT DISTINCT tenant_id FROM reminders WHERE status = 'sending' AND lease_until < $1`,
      [now],
    );
    return new Set(rows.map((r) => r.tenant_id));
  }

  /**
   * Takes up to `count` of `candidates` whose lease is free (never taken, run out, or given up and past its
   * handover). Candidates go in one order in every worker, so two workers taking at once never deadlock.
   */
  private async take(candidates: readonly string[], count: number): Promise<string[]> {
    const taken: string[] = [];
    for (const tenant of candidates) {
      if (taken.length >= count) break;
      const { rows } = await this.pool.query(
        `INSERT INTO reminder_tenant_leases (tenant_id, owner, lease_until) VALUES ($1, $2, ${DB_NOW} + $3)
         ON CONFLICT (tenant_id) DO UPDATE SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until
           WHERE reminder_tenant_leases.lease_until <= ${DB_NOW}
         RETURNING tenant_id`,
        [tenant, this.options.worker, this.options.leaseMs],
      );
      if (rows.length > 0) taken.push(tenant);
    }
    return taken;
  }
}
