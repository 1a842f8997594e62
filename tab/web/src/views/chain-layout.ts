import type { Partner } from '../api/api-types';

/** One column of the service chain map, left (furthest upstream) to right (the end-user customer). */
export interface ChainColumn {
  readonly key: string;
  readonly title: string;
  readonly partners: readonly Partner[];
}

/**
 * Lays partners out along the chain that serves the end-user customer: upstream stages from the furthest in,
 * our own team, downstream stages outwards, then the customer. Stages with no partner are left out.
 */
export function chainColumns(partners: readonly Partner[]): ChainColumn[] {
  const at = (direction: 'upstream' | 'downstream', stage: number) =>
    partners
      .filter((p) => p.chain.direction === direction && p.chain.stage === stage)
      .sort((a, b) => a.name.localeCompare(b.name));
  const stages = (direction: 'upstream' | 'downstream') =>
    [...new Set(partners.filter((p) => p.chain.direction === direction).map((p) => p.chain.stage))].sort(
      (a, b) => a - b,
    );
  return [
    ...stages('upstream')
      .reverse()
      .map((s) => ({ key: `up-${s}`, title: `Upstream ${s}`, partners: at('upstream', s) })),
    { key: 'us', title: 'Our team', partners: [] },
    ...stages('downstream').map((s) => ({
      key: `down-${s}`,
      title: `Downstream ${s}`,
      partners: at('downstream', s),
    })),
    { key: 'customer', title: 'End-user customer', partners: [] },
  ];
}
