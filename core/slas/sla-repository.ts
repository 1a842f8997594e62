import type { PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import type { Scope } from '../common/scope';
import type { ServiceLevelAgreement, SlaReading } from './service-level-agreement';

/** Whether an SLA's latest reading met its target; undefined before its first reading. */
export interface SlaLatestResult {
  readonly slaId: string;
  readonly partnerId: string;
  readonly met?: boolean;
}

/** Reads SLAs and their readings. */
export interface SlaReader {
  get(scope: Scope, id: string): Promise<ServiceLevelAgreement | undefined>;
  /** SLAs of a space (optionally one partner's), oldest first. */
  list(scope: Scope, query: { partnerId?: string }, page: PageRequest): Promise<Page<ServiceLevelAgreement>>;
  /** Readings of one SLA, most recent period first. */
  listReadings(scope: Scope, slaId: string, page: PageRequest): Promise<Page<SlaReading>>;
  /** The active SLAs of these partners, each with whether its latest reading met the target. */
  latestResults(scope: Scope, partnerIds: readonly string[]): Promise<SlaLatestResult[]>;
}

/** Reads and writes SLAs and readings. */
export interface SlaRepository extends SlaReader {
  insert(sla: ServiceLevelAgreement): Promise<void>;
  insertReading(scope: Scope, reading: SlaReading): Promise<void>;
}
