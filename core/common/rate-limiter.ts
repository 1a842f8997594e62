/** A send counted against some keys; call it when the send's answer came back. */
export type Release = () => void;

/**
 * Paces sends under rate limits per key (a conversation, a tenant). A port, so the bot's notifier waits on
 * it without knowing whether the count lives in this process or is shared between processes.
 */
export interface RateLimiter {
  /** Waits until a send is allowed under every key's windows and counts it; call the release when it is answered. */
  acquire(keys: readonly string[]): Promise<Release>;
}
