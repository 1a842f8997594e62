import type { Scope } from '../common/scope';
import { ForbiddenError } from '../errors';
import type { Clock, Ids, Store } from '../ports';
import { PeopleResolver } from '../people/people-resolver';
import { SpaceWriter } from '../unit-of-work';
import type { AttendanceJob } from './attendance-queue';
import type { AttendanceReport, AttendanceReports, AttendeeRecord } from './meeting-attendance';

/** Meetings read per run. */
const BATCH = 20;
/**
 * Waits after each attempt that found no report or failed: Teams produces a report minutes after the
 * meeting, sometimes much later, so the waits grow from five minutes to six hours.
 */
const RETRY_MINUTES = [5, 10, 30, 60, 120, 360];
/** Attempts before giving up on a meeting that never gets a report (about two days of tries). */
const MAX_ATTEMPTS = 12;
/** How long a claimed meeting is left to this run: longer than Graph's calls take. */
const LEASE_MS = 10 * 60_000;
/** Partners whose contacts an external attendee's e-mail is matched against. */
const PARTNERS_CONSIDERED = 100;

/** What one run did; `held` says once per meeting why attendance cannot be read (a permission refused). */
export interface AttendanceSyncReport {
  readonly recorded: number;
  readonly waiting: number;
  readonly held: readonly string[];
}

/**
 * Reads the attendance report of each Teams meeting that ended, and records who attended and for how long,
 * colleagues and external people apart, as dated evidence of the meeting's chat. The queue is durable: a job
 * is retried with growing waits while Teams has no report or Graph is unavailable, held (not retried) when
 * the permission is refused, and finished in the same transaction as the evidence it writes.
 */
export class AttendanceSync {
  private readonly writer: SpaceWriter;
  private readonly people: PeopleResolver;

  constructor(
    private readonly deps: { store: Store; clock: Clock; ids: Ids },
    private readonly source: AttendanceReports,
  ) {
    this.writer = new SpaceWriter(deps);
    this.people = new PeopleResolver(deps.ids);
  }

  /** Tries every meeting that is due. */
  async run(): Promise<AttendanceSyncReport> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
    const due = await store.transaction((tx) =>
      tx.attendanceQueue.claim(now.toISOString(), BATCH, leaseUntil),
    );
    let recorded = 0;
    let waiting = 0;
    const held: string[] = [];
    for (const job of due) {
      try {
        const report = await this.source.report(job.organizerAadObjectId, job.onlineMeetingId, job.endedAt);
        if (report === 'not_ready') {
          await this.later(job, 'Teams has no attendance report for this meeting yet');
          waiting += 1;
          continue;
        }
        await this.record(job, report);
        recorded += 1;
      } catch (err) {
        if (err instanceof ForbiddenError) {
          await store.transaction((tx) => tx.attendanceQueue.hold(job, err.message));
          held.push(err.message);
          continue;
        }
        await this.later(job, err instanceof Error ? err.message : String(err));
        waiting += 1;
      }
    }
    return { recorded, waiting, held };
  }

  private async later(job: AttendanceJob, reason: string): Promise<void> {
    const { store, clock } = this.deps;
    if (job.attempts + 1 >= MAX_ATTEMPTS) {
      await store.transaction((tx) =>
        tx.attendanceQueue.hold(job, `Gave up after ${MAX_ATTEMPTS} attempts: ${reason}`),
      );
      return;
    }
    const minutes = RETRY_MINUTES[Math.min(job.attempts, RETRY_MINUTES.length - 1)]!;
    const at = new Date(clock.now().getTime() + minutes * 60_000).toISOString();
    await store.transaction((tx) => tx.attendanceQueue.retryAt(job, at, reason));
  }

  /** One evidence event for the report; colleagues by their person, partner contacts by e-mail, guests unnamed. */
  private async record(job: AttendanceJob, report: AttendanceReport): Promise<void> {
    const scope: Scope = { tenantId: job.tenantId, spaceId: job.spaceId };
    await this.writer.run(scope, async (w) => {
      const partners = await w.tx.partners.list(scope, { status: 'active' }, { limit: PARTNERS_CONSIDERED });
      const contacts = await w.tx.people.getMany(
        scope,
        partners.items.flatMap((p) => p.contacts.map((c) => c.personId)),
      );
      const contactByEmail = new Map(
        contacts.filter((c) => c.email).map((c) => [c.email!.toLowerCase(), c] as const),
      );
      const partnerOf = (personId: string) =>
        partners.items.find((p) => p.contacts.some((c) => c.personId === personId))?.id;

      const rows: { personId?: string; side: 'internal' | 'external'; role: string; seconds: number }[] = [];
      const partnerIds = new Set<string>();
      let organizerId: string | undefined;
      for (const r of report.records) {
        // A partner's contact (by e-mail) is external even with a guest account here; otherwise someone signed
        // in from this tenant (Graph often leaves the tenant out for them) is a colleague.
        const contact = r.email ? contactByEmail.get(r.email.toLowerCase()) : undefined;
        const internal =
          !contact &&
          r.aadObjectId !== undefined &&
          (r.tenantId === undefined || r.tenantId === job.tenantId);
        const personId = internal ? await this.colleague(w.tx, scope, r, w.now) : undefined;
        const partnerId = contact && partnerOf(contact.id);
        if (partnerId) partnerIds.add(partnerId);
        rows.push({
          ...((personId ?? contact?.id) ? { personId: personId ?? contact!.id } : {}),
          side: internal ? 'internal' : 'external',
          role: r.role,
          seconds: Math.max(0, Math.round(r.seconds)),
        });
        if (r.aadObjectId === job.organizerAadObjectId) organizerId = personId;
      }
      // The organizer acts; a name is never invented for someone already known.
      organizerId ??=
        (await w.tx.people.findByAadObjectId(scope, job.organizerAadObjectId))?.id ??
        (
          await this.people.user(
            w.tx,
            scope,
            { aadObjectId: job.organizerAadObjectId, displayName: 'Meeting organizer' },
            w.now,
          )
        ).id;
      w.evidence({
        kind: 'meeting.attended',
        subject: { type: 'meeting', id: job.onlineMeetingId },
        partnerIds: [...partnerIds],
        actorId: organizerId,
        occurredAt: report.meetingStart,
        snapshot: {
          onlineMeetingId: job.onlineMeetingId,
          reportId: report.id,
          meetingStart: report.meetingStart,
          meetingEnd: report.meetingEnd,
          attendeeIds: rows.flatMap((r) => (r.personId ? [r.personId] : [])),
          attendance: rows,
        },
      });
      await w.tx.attendanceQueue.done(job);
    });
  }

  private async colleague(
    tx: Parameters<PeopleResolver['user']>[0],
    scope: Scope,
    r: AttendeeRecord,
    now: string,
  ): Promise<string> {
    const person = await this.people.user(
      tx,
      scope,
      {
        aadObjectId: r.aadObjectId!,
        displayName: r.displayName || 'A colleague',
        ...(r.email ? { email: r.email } : {}),
      },
      now,
    );
    return person.id;
  }
}
