import type { PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import type { Scope } from '../common/scope';
import type { Meeting } from './meeting';

/** Filters for listing meetings. */
export interface MeetingListQuery {
  readonly partnerId?: string;
  /** Inclusive instant bounds on when the meeting happened. */
  readonly from?: string;
  readonly to?: string;
}

/** Reads meetings of one space. */
export interface MeetingReader {
  get(scope: Scope, id: string): Promise<Meeting | undefined>;
  /** Meetings, newest first. */
  list(scope: Scope, query: MeetingListQuery, page: PageRequest): Promise<Page<Meeting>>;
}

/** Reads and writes meetings. Meetings are never edited: a correction is a new log. */
export interface MeetingRepository extends MeetingReader {
  insert(meeting: Meeting): Promise<void>;
}
