import type { PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import type { Scope } from '../common/scope';
import type { Partner } from './partner';

/** Filters for listing partners. */
export interface PartnerListQuery {
  readonly status?: Partner['status'];
  /** Case-insensitive name prefix. */
  readonly namePrefix?: string;
}

/** Reads partners of one space. */
export interface PartnerReader {
  get(scope: Scope, id: string): Promise<Partner | undefined>;
  getMany(scope: Scope, ids: readonly string[]): Promise<Partner[]>;
  /** Partners by name, A to Z. */
  list(scope: Scope, query: PartnerListQuery, page: PageRequest): Promise<Page<Partner>>;
}

/** Reads and writes partners. */
export interface PartnerRepository extends PartnerReader {
  /** Stores a new partner; a partner of the same name in the space is a ConflictError. */
  insert(partner: Partner): Promise<void>;
  /** Replaces a partner if its stored version is `expectedVersion`; false when it was changed meanwhile. */
  update(partner: Partner, expectedVersion: number): Promise<boolean>;
}
