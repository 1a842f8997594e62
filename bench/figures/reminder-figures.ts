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
  };
}

/** bench/reminders: the scheduler and the in-memory baseline against the floor Teams' limits allow. */
export const reminders: FigureBlock = {
  file: 'reminders',
  render: (result) => {
    const r = result as ReminderResult;
    return [
      `${num(r.reminders)} reminders for ${num(r.owners)} owners in ${num(r.tenants)} tenants; ` +
        `the floor is ${num(r.floorSeconds, 1)} s.`,
      '',
      table(
        ['run', '>sent or delivered', '>duplicates', '>429s', '>seconds', '>× floor'],
        [
          [
            'baseline',
            num(r.baseline.sent),
            '—',
            num(r.baseline.throttled429),
            num(r.baseline.seconds, 2),
            num(r.baseline.ratioToFloor, 2),
          ],
          [
            'scheduler',
            num(r.scheduler.delivered),
            num(r.scheduler.duplicates),
            num(r.scheduler.throttled429),
            num(r.scheduler.seconds, 2),
            num(r.scheduler.ratioToFloor, 2),
          ],
        ],
      ),
      '',
      `Target, the scheduler within 1.15 times the floor: ${met(r.scheduler.ratioToFloor <= 1.15)}` +
        ` (${num(r.scheduler.ratioToFloor, 2)}), every reminder delivered once: ` +
        `${met(r.scheduler.delivered === r.reminders && r.scheduler.duplicates === 0)}.`,
    ].join('\n');
  },
};
