import type { FigureBlock } from './figure-block';
import { num, pair, storeName, table } from './markdown';

interface Timed {
  p50Ms: number;
  p99Ms: number;
}
interface StoreRow {
  store: string;
  meetings: number;
  concurrency: number;
  spaces: number;
  baseline: Timed & { rowsPerSecond: number };
  insert: Timed & { meetingsPerSecond: number; ratioToBaseline: number };
  list: { items: number; itemsPerSecond: number; pageP50Ms: number; pageP99Ms: number };
  pointReads?: {
    baseline: Timed & { reads: number; readsPerSecond: number };
    store: Timed & { readsPerSecond: number; ratioToBaseline: number };
    view: Timed & { readsPerSecond: number; ratioToBaseline: number };
  };
  verifyChain: { events: number; eventsPerSecond: number };
}

/** "SQLite (1 writer)", "PostgreSQL (16 readers)": the store and how many worked on it at once. */
function storeAndWorkers(r: StoreRow, role: 'writer' | 'reader' = 'writer'): string {
  const many = `${r.concurrency} ${role}${r.concurrency === 1 ? '' : 's'}`;
  return `${storeName(r.store)} (${many})`;
}

/** bench/store's writes: meetings logged through core against bare INSERTs. */
export const storeWrites: FigureBlock = {
  file: 'store',
  render: (result) =>
    table(
      [
        'store',
        '>meetings',
        '>insert, meetings/s',
        '>p50 / p99 ms',
        '>baseline rows/s',
        '>p50 / p99 ms',
        '>ratio',
      ],
      (result as StoreRow[]).map((r) => [
        storeAndWorkers(r),
        num(r.meetings),
        num(r.insert.meetingsPerSecond),
        pair(r.insert.p50Ms, r.insert.p99Ms),
        num(r.baseline.rowsPerSecond),
        pair(r.baseline.p50Ms, r.baseline.p99Ms, 3),
        num(r.insert.ratioToBaseline, 3),
      ]),
    ),
};

/** bench/store's random point reads against bare primary-key SELECTs. */
export const storeReads: FigureBlock = {
  file: 'store',
  render: (result) =>
    table(
      ['store', 'read by id', '>reads', '>reads/s', '>p50 / p99 ms', '>× baseline'],
      (result as StoreRow[]).flatMap((r) => {
        const p = r.pointReads;
        if (!p) return [[storeAndWorkers(r, 'reader'), 'not measured in this run', '', '', '', '']];
        return [
          [
            storeAndWorkers(r, 'reader'),
            'baseline: bare `SELECT` by key',
            num(p.baseline.reads),
            num(p.baseline.readsPerSecond),
            pair(p.baseline.p50Ms, p.baseline.p99Ms, 3),
            '1',
          ],
          [
            storeAndWorkers(r, 'reader'),
            'store `meetings.get`',
            num(p.baseline.reads),
            num(p.store.readsPerSecond),
            pair(p.store.p50Ms, p.store.p99Ms, 3),
            num(p.store.ratioToBaseline, 3),
          ],
          [
            storeAndWorkers(r, 'reader'),
            'core `meetings.view`',
            num(p.baseline.reads),
            num(p.view.readsPerSecond),
            pair(p.view.p50Ms, p.view.p99Ms, 3),
            num(p.view.ratioToBaseline, 3),
          ],
        ];
      }),
    ),
};

/** bench/store's listing, one page at a time space by space, and chain verification. */
export const storeLists: FigureBlock = {
  file: 'store',
  render: (result) =>
    table(
      [
        'store',
        '>listed',
        '>list, items/s',
        '>page p50 / p99 ms',
        '>events in the first space',
        '>verify, events/s',
      ],
      (result as StoreRow[]).map((r) => [
        `${storeName(r.store)} (${num(r.spaces)} space${r.spaces === 1 ? '' : 's'})`,
        num(r.list.items),
        num(r.list.itemsPerSecond),
        pair(r.list.pageP50Ms, r.list.pageP99Ms),
        num(r.verifyChain.events),
        num(r.verifyChain.eventsPerSecond),
      ]),
    ),
};
