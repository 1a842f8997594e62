import type { PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import { keyInSpace, type Scope, type TenantScope } from '../common/scope';
import type { AgreedAction } from './agreed-action';
import type { ActionListQuery, ActionRepository, PartnerActionCounts } from './action-repository';

/**
 * The actions of one transaction, remembering those it wrote: reading one of them back (the reminder planner
 * re-plans every action a change touched, most of which it just created) is answered from what was written,
 * with no statement. Only rows this transaction wrote in full are kept, and nothing else writes them while it
 * runs (its space's chain head is locked), so what is remembered is what the read would return.
 */
export class RememberedActions implements ActionRepository {
  private readonly written = new Map<string, AgreedAction>();

  constructor(private readonly actions: ActionRepository) {}

  async insert(action: AgreedAction): Promise<void> {
    await this.actions.insert(action);
    this.written.set(keyInSpace(action, action.id), action);
  }

  async update(action: AgreedAction, expectedVersion: number): Promise<boolean> {
    const key = keyInSpace(action, action.id);
    this.written.delete(key);
    const updated = await this.actions.update(action, expectedVersion);
    if (updated) this.written.set(key, action);
    return updated;
  }

  async get(scope: Scope, id: string): Promise<AgreedAction | undefined> {
    return this.written.get(keyInSpace(scope, id)) ?? this.actions.get(scope, id);
  }

  list(scope: Scope, query: ActionListQuery, page: PageRequest): Promise<Page<AgreedAction>> {
    return this.actions.list(scope, query, page);
  }

  listForOwner(
    scope: TenantScope,
    ownerId: string,
    query: ActionListQuery,
    page: PageRequest,
  ): Promise<Page<AgreedAction>> {
    return this.actions.listForOwner(scope, ownerId, query, page);
  }

  openCountsByPartner(
    scope: Scope,
    partnerIds: readonly string[],
    today: string,
  ): Promise<PartnerActionCounts[]> {
    return this.actions.openCountsByPartner(scope, partnerIds, today);
  }
}
