/**
 * Stores `value` under `key` in a map used as a bounded cache, as its newest entry: a map keeps insertion
 * order, so once it holds `limit` entries the oldest goes first.
 */
export function rememberNewest<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  if (map.size >= limit) map.delete(map.keys().next().value as K);
  map.set(key, value);
}
