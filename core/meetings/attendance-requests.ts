import type { Scope } from '../common/scope';
import type { Clock, Store } from '../ports';

/** An ended Teams meeting whose attendance report is to be read: Graph's id of it, and who organised it. */
export interface EndedOnlineMeeting {
  readonly onlineMeetingId: string;
  readonly organizerAadObjectId: string;
}

/** Asks for an ended meeting's attendance to be recorded; the background AttendanceSync does it. */
export class AttendanceRequests {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  /** Queues the meeting once, in the chat (space) it belongs to; queuing it again changes nothing. */
  async meetingEnded(scope: Scope, meeting: EndedOnlineMeeting): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    await this.deps.store.transaction((tx) => tx.attendanceQueue.enqueue({ ...scope, ...meeting }, now));
  }
}
