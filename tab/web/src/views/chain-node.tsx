import type { ReactNode } from 'react';
import type { Partner, PartnerHealth, People } from '../api/api-types';
import { words } from '../format';

/** Size of a partner's box on the chain map. */
export const NODE_W = 200;
/** Size of a partner's box on the chain map. */
export const NODE_H = 92;

/**
 * One partner on the chain map: name, kind and side (by fill colour and in words), relationship owner and where
 * authority sits (★ decision makers and escalation contacts, or its authority notes). At-risk partners get a red
 * outline. Colours are the theme's raw values, so an exported picture looks like the screen.
 */
export function PartnerNode(props: {
  partner: Partner;
  people: People;
  health?: PartnerHealth;
  x: number;
  y: number;
  colours: Record<'fg' | 'subtle' | 'internal' | 'external' | 'stroke' | 'danger', string>;
}): ReactNode {
  const { partner: p, people, x, y, colours } = props;
  const deciders = p.contacts.filter((c) => c.isDecisionMaker || c.isEscalationContact);
  const authority = deciders.length
    ? `★ ${deciders.map((c) => people[c.personId]?.displayName ?? 'contact').join(', ')}`
    : p.authorityNotes
      ? '★ see authority notes'
      : '';
  const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  return (
    <g data-partner={p.name}>
      <title>{`${p.name}: ${words(p.kind)}. ${p.authorityNotes ?? ''}`}</title>
      <rect
        x={x}
        y={y}
        width={NODE_W}
        height={NODE_H}
        rx={8}
        fill={p.side === 'internal' ? colours.internal : colours.external}
        stroke={props.health?.level === 'at_risk' ? colours.danger : colours.stroke}
        strokeWidth={props.health?.level === 'at_risk' ? 2 : 1}
      />
      <text x={x + 10} y={y + 22} fontSize="13" fontWeight="600" fill={colours.fg}>
        {clip(p.name, 26)}
      </text>
      <text x={x + 10} y={y + 40} fontSize="11" fill={colours.fg}>
        {clip(`${words(p.kind)} · ${p.side}`, 32)}
      </text>
      <text x={x + 10} y={y + 58} fontSize="11" fill={colours.fg}>
        {clip(`Owner: ${people[p.relationshipOwnerId]?.displayName ?? '—'}`, 32)}
      </text>
      <text x={x + 10} y={y + 76} fontSize="11" fill={colours.fg}>
        {clip(authority, 32)}
      </text>
    </g>
  );
}
