import { CoverageTally, type Coverage } from '../evidence/coverage';
import type { ExportCode } from './export-code';
import { PartCutter, type SeqRange } from './export-parts';
import type { Selection } from './export-selection';

/**
 * What an export learns from one pass over its space's whole trail, outlines only (no snapshots): how many
 * items it holds, their coverage of the unit's criteria, its verification code, its parts, and who and which
 * partners are named, by the chosen items and by the trail anywhere.
 */
export class TrailOutline {
  /** Items the export holds. */
  count = 0;
  /** Who the export's items name (and the learner it is for), for its tables. */
  readonly named = new Set<string>();
  /** Partners the export's items name. */
  readonly partners = new Set<string>();
  /**
   * Who the space's trail names anywhere, for redaction: free text in a narrowed export can name someone whom
   * only the events it leaves out record.
   */
  readonly everyone = new Set<string>();
  /** Partners the space's trail names anywhere. */
  readonly everyPartner = new Set<string>();
  private readonly tally = new CoverageTally();
  private readonly cutter: PartCutter;

  private constructor(
    private readonly code: ExportCode,
    itemsPerPart: number,
    learnerId: string | undefined,
  ) {
    this.cutter = new PartCutter(itemsPerPart);
    if (learnerId) this.name(learnerId);
  }

  /** Reads the selection's whole trail once, adding each chosen item to `code`. */
  static async of(
    selection: Selection,
    code: ExportCode,
    itemsPerPart: number,
    learnerId: string | undefined,
  ): Promise<TrailOutline> {
    const outline = new TrailOutline(code, itemsPerPart, learnerId);
    for await (const { event, criteria } of selection.wholeTrail()) {
      event.personIds.forEach((id) => outline.everyone.add(id));
      event.partnerIds.forEach((id) => outline.everyPartner.add(id));
      if (!criteria) continue;
      outline.count += 1;
      outline.cutter.add(event.seq);
      outline.code.add(event.seq, event.hash);
      outline.tally.add({ kind: event.kind, occurredAt: event.occurredAt, criteria });
      event.personIds.forEach((id) => outline.named.add(id));
      event.partnerIds.forEach((id) => outline.partners.add(id));
    }
    return outline;
  }

  /** Someone the export names beyond its items (who made it): in its tables, and redacted like the rest. */
  name(personId: string): void {
    this.named.add(personId);
    this.everyone.add(personId);
  }

  /** The chosen items' coverage of the unit's criteria. */
  coverage(): Coverage {
    return this.tally.result();
  }

  /** The export's parts, the last ending at the head. */
  parts(headSeq: number): SeqRange[] {
    return this.cutter.result(headSeq);
  }
}
