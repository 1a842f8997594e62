import { pageOf, type Cursor } from '../../../core/common/paging';
import type { Page } from '../../../core/common/page';

/**
 * A page from `limit + 1` fetched rows: the cursor comes from the last row's sort columns, the items are
 * the mapped rows.
 */
export function pageOfRows<R, T>(
  rows: R[],
  limit: number,
  cursorOf: (row: R) => Cursor,
  map: (row: R) => T,
): Page<T> {
  const page = pageOf(rows, limit, cursorOf);
  return { items: page.items.map(map), nextCursor: page.nextCursor };
}
