import type { PageRequest } from '../common/paging';
import type { Page } from '../common/page';
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
  /** Earliest due first (the default, so overdue ones lead) or latest due first. */
  readonly order?: 'due_asc' | 'due_desc';
  /** Only actions whose title contains this text (ASCII letters in any case). */
  readonly titleContains?: string;
}

/** How many open actions a partner has, and how many of them are past due. */
export interface PartnerActionCounts {
  readonly partnerId: string;
  readonly open: number;
  readonly overdue: number;
}

/** Reads agreed actions. */
export interface ActionReader {
  get(scope: Scope, id: string): Promise<AgreedAction | undefined>;
  /** Actions of one space in the query's order: earliest due first unless told (so overdue ones lead). */
  list(scope: Scope, query: ActionListQuery, page: PageRequest): Promise<Page<AgreedAction>>;
  /** One person's actions across every space of the tenant, in the query's order. */
  listForOwner(
    scope: TenantScope,
    ownerId: string,
    query: ActionListQuery,
    page: PageRequest,
  ): Promise<Page<AgreedAction>>;
  /**
   * Per partner of this space, its actions still to do (open, in progress, blocked) and those of them due
   * before `today`. Partners without such actions are absent.
   */
  openCountsByPartner(
    scope: Scope,
    partnerIds: readonly string[],
    today: string,
  ): Promise<PartnerActionCounts[]>;
}

/** Reads and writes agreed actions. */
export interface ActionRepository extends ActionReader {
  insert(action: AgreedAction): Promise<void>;
  /** Replaces an action if its stored version is `expectedVersion`; false when it was changed meanwhile. */
  update(action: AgreedAction, expectedVersion: number): Promise<boolean>;
}
