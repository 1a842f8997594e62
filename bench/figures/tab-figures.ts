import type { FigureBlock } from './figure-block';
import { met, num, table } from './markdown';

interface Size {
  files: number;
  rawKb: number;
  gzipKb: number;
}
interface TabResult {
  bundle: { initial: Size; lazy: Size & { largest: { file: string; gzipKb: number }[] } };
  render: { runs: number; p50Ms: number; p95Ms: number; firstContentfulPaintP50Ms: number };
  api: {
    records: { partners: number; meetings: number; actions: number; seedSeconds: number };
    requestsPerRoute: number;
    routes: { route: string; p50Ms: number; p95Ms: number }[];
  };
}

const kb = (n: number) => `${num(n, 1)} KB`;

/** bench/tab's script sizes, with the largest chunks loaded on demand. */
export const tabBundle: FigureBlock = {
  file: 'tab',
  render: (result) => {
    const { initial, lazy } = (result as TabResult).bundle;
    const target = `Target, initial scripts under 300 KB gzipped: ${met(initial.gzipKb < 300)}.`;
    const sizes = table(
      ['scripts', '>files', '>raw', '>gzipped', 'target'],
      [
        [
          'initial (entry + static imports)',
          num(initial.files),
          kb(initial.rawKb),
          kb(initial.gzipKb),
          '< 300 KB',
        ],
        ['lazy (views, libraries)', num(lazy.files), kb(lazy.rawKb), kb(lazy.gzipKb), ''],
        ...lazy.largest.map((c) => [`of which \`${c.file}\``, '', '', kb(c.gzipKb), '']),
      ],
    );
    return `${sizes}\n\n${target}`;
  },
};

/** bench/tab's first render in headless Chromium. */
export const tabRender: FigureBlock = {
  file: 'tab',
  render: (result) => {
    const r = (result as TabResult).render;
    const target = `Target, under 2 s: ${met(r.p95Ms < 2000)} at p95.`;
    const times = table(
      ['>runs', '>p50', '>p95', '>first contentful paint, p50', 'target'],
      [
        [
          num(r.runs),
          `${num(r.p50Ms)} ms`,
          `${num(r.p95Ms)} ms`,
          `${num(r.firstContentfulPaintP50Ms)} ms`,
          '< 2 s',
        ],
      ],
    );
    return `${times}\n\n${target}`;
  },
};

/** bench/tab's API list routes at its seeded size, with how long seeding took. */
export const tabApi: FigureBlock = {
  file: 'tab',
  render: (result) => {
    const { records, requestsPerRoute, routes } = (result as TabResult).api;
    const slow = routes.filter((r) => r.p95Ms >= 20);
    return [
      `${num(records.meetings)} meetings, ${num(records.actions)} actions and ${num(records.partners)} partners in one ` +
        `space, seeded in ${num(records.seedSeconds)} s; ${num(requestsPerRoute)} requests per route.`,
      '',
      table(
        ['route', '>p50 ms', '>p95 ms'],
        routes.map((r) => [r.route, num(r.p50Ms, 2), num(r.p95Ms, 2)]),
      ),
      '',
      `Target, p95 under 20 ms on every route: ${met(slow.length === 0)}` +
        (slow.length ? ` (over it: ${slow.map((r) => r.route).join('; ')}).` : '.'),
    ].join('\n');
  },
};
