import type {
  AnnounceOutcome,
  InsightsAnnouncement,
  InsightsAnnouncer,
} from '../../core/meetings/meeting-insights';

/** What a chat was told that AI insights are unavailable. */
type UnavailableNotice = Parameters<InsightsAnnouncer['unavailable']>[0];

/** An announcer for core tests: records what each chat is told and answers with scripted outcomes (then "sent"). */
export class RecordingAnnouncer implements InsightsAnnouncer {
  readonly announced: InsightsAnnouncement[] = [];
  readonly unavailableNotices: UnavailableNotice[] = [];
  private readonly script: AnnounceOutcome[] = [];

  /** The outcomes of the next announcements, in order. */
  answer(...outcomes: AnnounceOutcome[]): this {
    this.script.push(...outcomes);
    return this;
  }

  async ready(announcement: InsightsAnnouncement): Promise<AnnounceOutcome> {
    this.announced.push(announcement);
    return this.script.shift() ?? 'sent';
  }

  async unavailable(notice: UnavailableNotice): Promise<AnnounceOutcome> {
    this.unavailableNotices.push(notice);
    return 'sent';
  }
}
