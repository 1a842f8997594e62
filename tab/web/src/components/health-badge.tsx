import { Badge } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { PartnerHealth } from '../api/api-types';

const LOOK: Record<PartnerHealth['level'], { color: 'success' | 'warning' | 'danger'; label: string }> = {
  good: { color: 'success', label: 'On track' },
  attention: { color: 'warning', label: 'Needs attention' },
  at_risk: { color: 'danger', label: 'At risk' },
};

/** A partner's health as a coloured badge with words (colour is never the only signal). */
export function HealthBadge(props: { health?: PartnerHealth }): ReactNode {
  if (!props.health) return null;
  const look = LOOK[props.health.level];
  return (
    <Badge
      appearance="filled"
      color={look.color}
      data-health={props.health.level}
      style={{ whiteSpace: 'nowrap' }}
    >
      {look.label}
    </Badge>
  );
}
