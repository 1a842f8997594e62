import type { TenantScope } from '../common/scope';
import type { ConversationKind, ConversationReference } from './conversation-reference';

/** Reads stored conversation references of one tenant. */
export interface ConversationReader {
  get(scope: TenantScope, kind: ConversationKind, key: string): Promise<ConversationReference | undefined>;
  /** The `user` references of these Entra users that are known; unknown ids are simply absent. */
  findUsers(scope: TenantScope, aadObjectIds: readonly string[]): Promise<ConversationReference[]>;
}

/** Reads and writes conversation references. */
export interface ConversationRepository extends ConversationReader {
  /** Creates or replaces the reference with this tenant, kind and key. */
  save(reference: ConversationReference): Promise<void>;
  /** Sets `welcomedAt` on an active reference not welcomed yet; false when there was none or it already was. */
  markWelcomed(scope: TenantScope, kind: ConversationKind, key: string, at: string): Promise<boolean>;
}
