import type {
  AssignerMessage,
  Notifier,
  ReminderNotice,
  SendOutcome,
} from '../../core/reminders/reminder-notice';

/** A notifier for core tests: records every notice and answers with scripted outcomes (then "sent"). */
export class RecordingNotifier implements Notifier {
  readonly sent: ReminderNotice[] = [];
  /** Messages to assigners of owners nothing reached. */
  readonly assignersTold: AssignerMessage[] = [];
  private readonly script: SendOutcome[] = [];

  /** The outcomes of the next sends, in order. */
  answer(...outcomes: SendOutcome[]): this {
    this.script.push(...outcomes);
    return this;
  }

  async send(notice: ReminderNotice): Promise<SendOutcome> {
    this.sent.push(notice);
    return this.script.shift() ?? { kind: 'sent', route: 'personal' };
  }

  async tellAssigner(message: AssignerMessage): Promise<boolean> {
    this.assignersTold.push(message);
    return true;
  }
}
