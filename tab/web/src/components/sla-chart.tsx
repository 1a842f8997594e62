import { tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Sla, SlaReading } from '../api/api-types';
import { targetWords } from '../format';

const WIDTH = 280;
const HEIGHT = 96;
const PAD = 18;

/**
 * Readings of an SLA against its target, oldest to newest: a bar per period (green met, red missed, each also
 * marked ✓/✗) and the target as a dashed line. Screen readers get the same facts as text.
 */
export function SlaChart(props: { sla: Sla; readings: readonly SlaReading[] }): ReactNode {
  const readings = [...props.readings].reverse().slice(-12);
  const target = props.sla.target.value;
  const max = Math.max(target, ...readings.map((r) => r.value), 1) * 1.15;
  const y = (v: number) => HEIGHT - PAD - (v / max) * (HEIGHT - 2 * PAD);
  const slot = (WIDTH - 2 * PAD) / Math.max(readings.length, 1);
  const summary =
    readings.length === 0
      ? `No readings yet; target ${targetWords(props.sla.target)}.`
      : `Target ${targetWords(props.sla.target)}. ` +
        readings.map((r) => `${r.periodEnd}: ${r.value} (${r.met ? 'met' : 'missed'})`).join('; ');
  return (
    <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
      <line
        x1={PAD}
        x2={WIDTH - PAD}
        y1={y(target)}
        y2={y(target)}
        stroke={tokens.colorNeutralForeground3}
        strokeDasharray="4 3"
      />
      <text
        x={WIDTH - PAD}
        y={y(target) - 3}
        fontSize="10"
        textAnchor="end"
        fill={tokens.colorNeutralForeground3}
      >
        target {target}
      </text>
      {readings.map((r, i) => {
        const x = PAD + i * slot + slot * 0.2;
        const top = y(r.value);
        return (
          <g key={r.id}>
            <rect
              x={x}
              y={top}
              width={slot * 0.6}
              height={HEIGHT - PAD - top}
              rx={2}
              fill={r.met ? tokens.colorPaletteGreenBackground3 : tokens.colorPaletteRedBackground3}
            />
            <text
              x={x + slot * 0.3}
              y={HEIGHT - 4}
              fontSize="10"
              textAnchor="middle"
              fill={tokens.colorNeutralForeground2}
            >
              {r.met ? '✓' : '✗'}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
