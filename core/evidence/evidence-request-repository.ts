import type { PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import type { Scope, TenantScope } from '../common/scope';
import type { EvidenceRequest, EvidenceRequestStatus } from './evidence-request';

/** Reads requests for feedback and witness confirmations. */
export interface EvidenceRequestReader {
  get(scope: Scope, id: string): Promise<EvidenceRequest | undefined>;
  /** Requests addressed to one person across the tenant, newest first. */
  listForRecipient(
    scope: TenantScope,
    recipientId: string,
    status: EvidenceRequestStatus,
    page: PageRequest,
  ): Promise<Page<EvidenceRequest>>;
}

/** Reads and writes requests for feedback and witness confirmations. */
export interface EvidenceRequestRepository extends EvidenceRequestReader {
  insert(request: EvidenceRequest): Promise<void>;
  /** Closes a pending request; false when it was no longer pending. */
  close(
    scope: Scope,
    id: string,
    outcome: { status: 'answered' | 'declined'; answeredAt: string },
  ): Promise<boolean>;
}
