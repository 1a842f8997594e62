import { z } from 'zod';
import { IsoDateTime } from '../common/dates';
import { parseInput } from '../common/parse';
import type { Scope } from '../common/scope';
import type { Clock, Store } from '../ports';

/** An ended Teams meeting whose attendance report is to be read, as the bot learns it from Teams. */
const EndedOnlineMeeting = z.object({
  /** Graph's id of the online meeting. */
  onlineMeetingId: z.string().min(1).max(300),
  organizerAadObjectId: z.string().min(1).max(100),
  /** When it ended, as Teams said: which occurrence of a recurring meeting this is. */
  endedAt: IsoDateTime,
});
export type EndedOnlineMeeting = z.input<typeof EndedOnlineMeeting>;

/** Asks for an ended meeting's attendance to be recorded; the background AttendanceSync does it. */
export class AttendanceRequests {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  /** Queues the meeting's occurrence in the chat (space) it belongs to; queuing it again changes nothing. */
  async meetingEnded(scope: Scope, meeting: EndedOnlineMeeting): Promise<void> {
    const m = parseInput(EndedOnlineMeeting, meeting);
    const now = this.deps.clock.now().toISOString();
    await this.deps.store.transaction((tx) => tx.attendanceQueue.enqueue({ ...scope, ...m }, now));
  }
}
