import type { Page, PageRequest } from '../common/paging';
import type { Scope, TenantScope } from '../common/scope';
import type { ActionStatus, AgreedAction } from './agreed-action';

/** Filters for listing actions. */
export interface ActionListQuery {
  readonly statuses?: readonly ActionStatus[];
  readonly ownerId?: string;
  readonly partnerId?: string;
  readonly meetingId?: string;
  /** Only actions due on or before this date. */
  readonly dueOnOrBefore?: string;
  /** Only actions whose title contains this text (ASCII letters in any case). */
  readonly titleContains?: string;
}

/** Reads agreed actions. */
export interface ActionReader {
  get(scope: Scope, id: string): Promise<AgreedAction | undefined>;
  /** Actions of one space, earliest due first (so overdue ones lead). */
  list(scope: Scope, query: ActionListQuery, page: PageRequest): Promise<Page<AgreedAction>>;
  /** One person's actions across every space of the tenant, earliest due first. */
  listForOwner(
    scope: TenantScope,
    ownerId: string,
    query: ActionListQuery,
    page: PageRequest,
  ): Promise<Page<AgreedAction>>;
}

/** Reads and writes agreed actions. */
export interface ActionRepository extends ActionReader {
  insert(action: AgreedAction): Promise<void>;
  /** Replaces an action if its stored version is `expectedVersion`; false when it was changed meanwhile. */
  update(action: AgreedAction, expectedVersion: number): Promise<boolean>;
}
