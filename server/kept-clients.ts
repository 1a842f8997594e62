/**
 * Clients made once per key and shared by every turn that asks for the same key. At most `max` are kept, the
 * oldest let go first, so a key space nobody bounds (local mode accepts any service URL) cannot grow the map.
 * A client whose creation failed is not kept: the next turn tries again.
 */
export class KeptClients<T> {
  private readonly clients = new Map<string, Promise<T>>();

  constructor(private readonly max: number) {}

  /** The client kept for `key`, made by `make` if there is none. */
  get(key: string, make: () => Promise<T>): Promise<T> {
    const kept = this.clients.get(key);
    if (kept) return kept;
    if (this.clients.size >= this.max) this.clients.delete(this.clients.keys().next().value!);
    const client = make();
    this.clients.set(key, client);
    client.catch(() => {
      if (this.clients.get(key) === client) this.clients.delete(key);
    });
    return client;
  }
}
