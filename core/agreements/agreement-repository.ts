import type { PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import type { Scope } from '../common/scope';
import type { Acknowledgement, AgreementStatus, PriorityAgreement } from './priority-agreement';

/** Filters for listing agreements. */
export interface AgreementListQuery {
  readonly statuses?: readonly AgreementStatus[];
  readonly partnerId?: string;
  readonly seriesId?: string;
  /** Only agreements whose title contains this text (ASCII letters in any case). */
  readonly titleContains?: string;
}

/** Reads conflict-priority agreements. */
export interface AgreementReader {
  get(scope: Scope, id: string): Promise<PriorityAgreement | undefined>;
  /** Agreements, newest first. */
  list(scope: Scope, query: AgreementListQuery, page: PageRequest): Promise<Page<PriorityAgreement>>;
}

/** Reads and writes conflict-priority agreements. */
export interface AgreementRepository extends AgreementReader {
  insert(agreement: PriorityAgreement): Promise<void>;
  /** Records one party's acknowledgement; false if that party had already acknowledged. */
  addAcknowledgement(scope: Scope, agreementId: string, ack: Acknowledgement): Promise<boolean>;
  /** Changes status fields if the stored version is `expectedVersion`; false when it was changed meanwhile. */
  update(agreement: PriorityAgreement, expectedVersion: number): Promise<boolean>;
}
