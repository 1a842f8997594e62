import type { Theme } from '@fluentui/react-components';
import type { ReactNode, Ref } from 'react';
import type { People, PartnerHealth } from '../api/api-types';
import type { ChainColumn } from './chain-layout';
import { NODE_H, NODE_W, PartnerNode } from './chain-node';

const COL_GAP = 48;
const ROW_GAP = 16;
const TOP = 48;

/**
 * The service chain as one SVG picture: a column per stage with arrows between them, our team and the end-user
 * customer at their ends. Drawn with the theme's raw colours rather than CSS variables, so the exported file
 * looks like the screen.
 */
export function ChainMapPicture(props: {
  readonly columns: readonly ChainColumn[];
  readonly people: People;
  readonly health: Readonly<Record<string, PartnerHealth>>;
  readonly theme: Theme;
  readonly svgRef: Ref<SVGSVGElement>;
}): ReactNode {
  const { columns, people, health, theme } = props;
  const rows = Math.max(1, ...columns.map((c) => c.partners.length));
  const width = columns.length * (NODE_W + COL_GAP) - COL_GAP + 32;
  const height = TOP + rows * (NODE_H + ROW_GAP) + 24;
  const x = (i: number) => 16 + i * (NODE_W + COL_GAP);
  const y = (j: number) => TOP + j * (NODE_H + ROW_GAP);
  const fg = theme.colorNeutralForeground1;
  const subtle = theme.colorNeutralForeground3;
  const description = columns
    .map((c) => `${c.title}: ${c.partners.map((p) => p.name).join(', ') || (c.key === 'us' ? 'us' : '—')}`)
    .join('; ');
  return (
    <svg
      ref={props.svgRef}
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`Service chain map. ${description}`}
      fontFamily={theme.fontFamilyBase}
      data-testid="chain-map"
    >
      <rect width={width} height={height} fill={theme.colorNeutralBackground1} />
      <defs>
        <marker
          id="arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="8"
          markerHeight="8"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" fill={subtle} />
        </marker>
      </defs>
      {columns.map((c, i) => (
        <g key={c.key}>
          <text x={x(i) + NODE_W / 2} y={24} textAnchor="middle" fontSize="13" fontWeight="600" fill={fg}>
            {c.title}
          </text>
          {i < columns.length - 1 && (
            <line
              x1={x(i) + NODE_W + 4}
              x2={x(i + 1) - 4}
              y1={TOP + NODE_H / 2}
              y2={TOP + NODE_H / 2}
              stroke={subtle}
              strokeWidth={2}
              markerEnd="url(#arrow)"
            />
          )}
          {(c.key === 'us' || c.key === 'customer') && (
            <EndNode end={c.key} x={x(i)} y={y(0)} theme={theme} fg={fg} />
          )}
          {c.partners.map((p, j) => (
            <PartnerNode
              key={p.id}
              partner={p}
              people={people}
              health={health[p.id]}
              x={x(i)}
              y={y(j)}
              colours={{
                fg,
                subtle,
                internal: theme.colorPaletteBlueBackground2,
                external: theme.colorPaletteMarigoldBackground2,
                stroke: theme.colorNeutralStroke1,
                danger: theme.colorPaletteRedForeground1,
              }}
            />
          ))}
        </g>
      ))}
    </svg>
  );
}

/** Our team or the end-user customer: the fixed node at either end of the chain. */
function EndNode(props: {
  readonly end: 'us' | 'customer';
  readonly x: number;
  readonly y: number;
  readonly theme: Theme;
  readonly fg: string;
}): ReactNode {
  return (
    <g>
      <rect
        x={props.x}
        y={props.y}
        width={NODE_W}
        height={NODE_H}
        rx={8}
        fill={props.end === 'us' ? props.theme.colorBrandBackground : props.theme.colorNeutralBackground3}
        stroke={props.theme.colorNeutralStroke1}
      />
      <text
        x={props.x + NODE_W / 2}
        y={props.y + NODE_H / 2 + 5}
        textAnchor="middle"
        fontSize="14"
        fontWeight="600"
        fill={props.end === 'us' ? props.theme.colorNeutralForegroundOnBrand : props.fg}
      >
        {props.end === 'us' ? 'Our team' : 'End-user customer'}
      </text>
    </g>
  );
}
