import type { FigureBlock } from './figure-block';
import { met, num, table } from './markdown';

interface ReminderResult {
  reminders: number;
  owners: number;
  tenants: number;
  floorSeconds: number;
  baseline: { sent: number; throttled429: number; seconds: number; ratioToFloor: number };
  scheduler: {
    delivered: number;
    duplicates: number;
    throttled429: number;
    seconds: number;
    ratioToFloor: number;
    /** CPU seconds the server used (absent from runs before stop 34). */
    serverCpuSeconds?: number;
  };
  /** Several server processes on one PostgreSQL (absent from runs before #24). */
  multiProcess?: {
    processes: number;
    delivered: number;
    duplicates: number;
    throttled429: number;
    seconds: number;
    ratioToFloor: number;
    serverCpuSeconds?: number;
    lostAfterKill: number;
    killPass: {
      delivered: number;
      duplicates: number;
      throttled429: number;
      seconds: number;
      sentUnrecordedAtKill: number;
      claimedAtKill: number;
      leaseMs: number;
    };
  };
}

/** Server CPU seconds, when the run measured them. */
function cpu(seconds: number | undefined): string {
  return seconds === undefined ? '—' : num(seconds, 1);
}

/** The multi-process rows and targets, when the run has them. */
function multiProcessLines(r: ReminderResult): { rows: string[][]; targets: string[] } {
  const m = r.multiProcess;
  if (!m) return { rows: [], targets: [] };
  const k = m.killPass;
  return {
    rows: [
      [
        `${m.processes} processes, PostgreSQL`,
        num(m.delivered),
        num(m.duplicates),
        num(m.throttled429),
        num(m.seconds, 2),
        num(m.ratioToFloor, 2),
        cpu(m.serverCpuSeconds),
      ],
      [
        `${m.processes} processes, one SIGKILLed`,
        num(k.delivered),
        num(k.duplicates),
        num(k.throttled429),
        num(k.seconds, 2),
        '—',
        '—',
      ],
    ],
    targets: [
      '',
      'Targets with several processes:',
      '',
      `- ${m.processes} processes on one PostgreSQL: every reminder delivered once: ` +
        `${met(m.delivered === r.reminders && m.duplicates === 0)}; no 429: ${met(m.throttled429 === 0)}; ` +
        `within 1.15 times the floor: ${met(m.ratioToFloor <= 1.15)} (${num(m.ratioToFloor, 2)}).`,
      `- one of them SIGKILLed a third of the way through: nothing lost: ${met(m.lostAfterKill === 0)} ` +
        `(${num(m.lostAfterKill)} lost); duplicates no more than the cards it had sent without recording them: ` +
        `${met(k.duplicates <= k.sentUnrecordedAtKill)} (${num(k.duplicates)} of ${num(k.sentUnrecordedAtKill)}; it held ` +
        `${num(k.claimedAtKill)} claimed, sent by the others after their ${num(k.leaseMs / 1000)} s lease).`,
    ],
  };
}

/** bench/reminders: the scheduler and the in-memory baseline against the floor Teams' limits allow. */
export const reminders: FigureBlock = {
  file: 'reminders',
  render: (result) => {
    const r = result as ReminderResult;
    const multi = multiProcessLines(r);
    return [
      `${num(r.reminders)} reminders for ${num(r.owners)} owners in ${num(r.tenants)} tenants; ` +
        `the floor is ${num(r.floorSeconds, 1)} s.`,
      '',
      table(
        ['run', '>sent or delivered', '>duplicates', '>429s', '>seconds', '>× floor', '>server CPU s'],
        [
          [
            'baseline',
            num(r.baseline.sent),
            '—',
            num(r.baseline.throttled429),
            num(r.baseline.seconds, 2),
            num(r.baseline.ratioToFloor, 2),
            '—',
          ],
          [
            'scheduler',
            num(r.scheduler.delivered),
            num(r.scheduler.duplicates),
            num(r.scheduler.throttled429),
            num(r.scheduler.seconds, 2),
            num(r.scheduler.ratioToFloor, 2),
            cpu(r.scheduler.serverCpuSeconds),
          ],
          ...multi.rows,
        ],
      ),
      '',
      `Target, the scheduler within 1.15 times the floor: ${met(r.scheduler.ratioToFloor <= 1.15)}` +
        ` (${num(r.scheduler.ratioToFloor, 2)}), every reminder delivered once: ` +
        `${met(r.scheduler.delivered === r.reminders && r.scheduler.duplicates === 0)}.`,
      ...multi.targets,
    ].join('\n');
  },
};
