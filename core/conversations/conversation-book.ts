import { parseInput } from '../common/parse';
import { RecentNotes } from '../common/recent-notes';
import type { TenantScope } from '../common/scope';
import type { Clock, Store } from '../ports';
import {
  ConversationReferenceInput,
  type ConversationKind,
  type ConversationReference,
} from './conversation-reference';

/** The fields that say where a conversation is; a change in any of them is worth a write. */
const ADDRESS_FIELDS = ['serviceUrl', 'channelId', 'botId', 'conversationId', 'userId', 'teamId'] as const;

/**
 * Remembers where the bot can reach people, chats, teams and channels, so reminders can be sent proactively
 * later (and survive restarts, unlike references kept in memory).
 *
 * These are delivery addresses, not evidence: they change nothing the learner is assessed on, so they are
 * written in their own small transaction rather than through the evidence chain.
 */
export class ConversationBook {
  /** References this process stored or found stored lately, by where they lead. */
  private readonly recent: RecentNotes<ConversationReference>;

  constructor(private readonly deps: { store: Store; clock: Clock }) {
    this.recent = new RecentNotes(deps.clock);
  }

  /**
   * Records the reference as seen on an activity. A reference that is already stored, active and identical is
   * not written again, so a turn costs one indexed read, and none when this process stored or found the same one
   * in the last minute ({@link RecentNotes}). `recheck` reads the store whatever was noted: for installs, which
   * may follow an uninstall another process recorded. A user seen only in shared chats keeps the personal
   * conversation recorded earlier.
   */
  async remember(
    input: ConversationReferenceInput,
    options: { recheck?: boolean } = {},
  ): Promise<ConversationReference> {
    // Unchecked yet: a malformed input makes a note no valid one shares, and is refused by the parse.
    const note = noteOf(String(input.tenantId), input.kind, String(input.key));
    if (options.recheck) this.recent.forget(note);
    return this.recent.note(note, JSON.stringify(input), () => this.store(input));
  }

  private async store(input: ConversationReferenceInput): Promise<ConversationReference> {
    const seen = parseInput(ConversationReferenceInput, input);
    const key = keyOf(seen.kind, seen.key);
    const scope = { tenantId: seen.tenantId };
    const stored = await this.deps.store.read.conversations.get(scope, seen.kind, key);
    if (stored && stored.status === 'active' && sameAddress(stored, merge(stored, seen))) return stored;
    return this.deps.store.transaction(async (tx) => {
      const current = await tx.conversations.get(scope, seen.kind, key);
      const next: ConversationReference = {
        ...merge(current, { ...seen, key }),
        status: 'active',
        updatedAt: this.deps.clock.now().toISOString(),
      };
      await tx.conversations.save(next);
      return next;
    });
  }

  /**
   * Claims the welcome of a conversation: true for the first caller since the app was installed there, false
   * for a repeated install event (even one handled at the same time by another server process).
   */
  async claimWelcome(scope: TenantScope, kind: ConversationKind, key: string): Promise<boolean> {
    const at = this.deps.clock.now().toISOString();
    const claimed = await this.deps.store.transaction((tx) =>
      tx.conversations.markWelcomed(scope, kind, keyOf(kind, key), at),
    );
    this.recent.forget(noteOf(scope.tenantId, kind, key));
    return claimed;
  }

  /** Marks a reference gone (the app was uninstalled there); unknown references are left alone. */
  async forget(scope: TenantScope, kind: ConversationKind, key: string): Promise<void> {
    await this.deps.store.transaction(async (tx) => {
      const current = await tx.conversations.get(scope, kind, keyOf(kind, key));
      if (!current || current.status === 'gone') return;
      await tx.conversations.save({
        ...current,
        status: 'gone',
        updatedAt: this.deps.clock.now().toISOString(),
      });
    });
    // After the write: a note made by a remember that committed before it is dropped too.
    this.recent.forget(noteOf(scope.tenantId, kind, key));
  }

  /** One stored reference, active or gone. */
  get(scope: TenantScope, kind: ConversationKind, key: string): Promise<ConversationReference | undefined> {
    return this.deps.store.read.conversations.get(scope, kind, keyOf(kind, key));
  }

  /**
   * Teams user ids (`29:…`) of the Entra users the bot has met, by lower-case Entra object id. Users this process
   * noted in the last minute (a card's presser, typically) are answered from their note.
   */
  async teamsUserIds(scope: TenantScope, aadObjectIds: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const unnoted: string[] = [];
    for (const id of new Set(aadObjectIds.map((id) => id.toLowerCase()))) {
      const noted = this.recent.recall(noteOf(scope.tenantId, 'user', id))?.userId;
      if (noted) found.set(id, noted);
      else unnoted.push(id);
    }
    if (unnoted.length === 0) return found;
    for (const user of await this.deps.store.read.conversations.findUsers(scope, unnoted))
      if (user.userId) found.set(user.key, user.userId);
    return found;
  }
}

/** Where a reference's note is kept: by what the store keys it by. */
function noteOf(tenantId: string, kind: ConversationKind, key: string): string {
  return `${tenantId} ${kind} ${keyOf(kind, key)}`;
}

/** Entra object ids arrive in either case; users are keyed in lower case so each person has one row. */
function keyOf(kind: ConversationKind, key: string): string {
  return kind === 'user' ? key.toLowerCase() : key;
}

function merge(
  current: ConversationReference | undefined,
  seen: ReturnType<typeof ConversationReferenceInput.parse>,
): Omit<ConversationReference, 'status' | 'updatedAt'> {
  return {
    ...seen,
    conversationId: seen.conversationId ?? current?.conversationId,
    userId: seen.userId ?? current?.userId,
    teamId: seen.teamId ?? current?.teamId,
    welcomedAt: current?.status === 'active' ? current.welcomedAt : undefined,
  };
}

function sameAddress(a: Partial<ConversationReference>, b: Partial<ConversationReference>): boolean {
  return ADDRESS_FIELDS.every((f) => a[f] === b[f]);
}
