import { Body1, Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, type ReactNode } from 'react';
import type { PartnerBoardPage, People, Partner, PartnerHealth } from '../api/api-types';
import { LoadState } from '../components/load-state';
import { PageHeader } from '../components/page-header';
import { useServices } from '../services';
import { useLoad } from '../use-load';
import { chainColumns } from './chain-layout';
import { NODE_H, NODE_W, PartnerNode } from './chain-node';
import { downloadPng, downloadSvg } from './svg-export';

const COL_GAP = 48;
const ROW_GAP = 16;
const TOP = 48;

const useStyles = makeStyles({
  scroller: {
    overflowX: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalM,
  },
  legend: { marginTop: tokens.spacingVerticalS },
});

/**
 * The service chain map: partners from upstream to downstream to the end-user customer, with each
 * relationship's owner and where authority sits (decision makers, escalation contacts, authority notes).
 * Exported as SVG or PNG; the picture uses the theme's real colours, so the file looks like the screen.
 */
export default function ChainMapView(): ReactNode {
  const { api, theme } = useServices();
  const styles = useStyles();
  const svg = useRef<SVGSVGElement>(null);
  const [problem, setProblem] = useState<string>();
  const board = useLoad(async () => {
    const items: Partner[] = [];
    const people: Record<string, People[string]> = {};
    const health: Record<string, PartnerHealth> = {};
    let cursor: string | undefined;
    // A chain is tens of partners; five pages of 100 is far beyond any real one.
    for (let i = 0; i < 5; i++) {
      const page = await api.call<PartnerBoardPage>('/partners', {
        query: { include: 'health', status: 'active', limit: 100, cursor },
      });
      items.push(...page.items);
      Object.assign(people, page.people);
      Object.assign(health, page.health);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return { items, people, health };
  }, [api]);

  const exportAs = async (kind: 'png' | 'svg') => {
    setProblem(undefined);
    if (!svg.current) return;
    try {
      if (kind === 'svg') downloadSvg(svg.current, 'service-chain.svg');
      else await downloadPng(svg.current, 'service-chain.png');
    } catch (err) {
      setProblem(`Could not export the map: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  return (
    <section>
      <PageHeader title="Service chain">
        <Button onClick={() => void exportAs('png')}>Export PNG</Button>
        <Button onClick={() => void exportAs('svg')}>Export SVG</Button>
      </PageHeader>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <LoadState loaded={board} label="the service chain">
        {({ items, people, health }) => {
          const columns = chainColumns(items);
          const rows = Math.max(1, ...columns.map((c) => c.partners.length));
          const width = columns.length * (NODE_W + COL_GAP) - COL_GAP + 32;
          const height = TOP + rows * (NODE_H + ROW_GAP) + 24;
          const x = (i: number) => 16 + i * (NODE_W + COL_GAP);
          const y = (j: number) => TOP + j * (NODE_H + ROW_GAP);
          const fg = theme.colorNeutralForeground1;
          const subtle = theme.colorNeutralForeground3;
          const description = columns
            .map(
              (c) =>
                `${c.title}: ${c.partners.map((p) => p.name).join(', ') || (c.key === 'us' ? 'us' : '—')}`,
            )
            .join('; ');
          return (
            <>
              {/* Focusable, so keyboard users can scroll a chain wider than the screen. */}
              <div
                className={styles.scroller}
                tabIndex={0}
                role="region"
                aria-label="Service chain map, scrollable"
              >
                <svg
                  ref={svg}
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
                      <text
                        x={x(i) + NODE_W / 2}
                        y={24}
                        textAnchor="middle"
                        fontSize="13"
                        fontWeight="600"
                        fill={fg}
                      >
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
                        <g>
                          <rect
                            x={x(i)}
                            y={y(0)}
                            width={NODE_W}
                            height={NODE_H}
                            rx={8}
                            fill={c.key === 'us' ? theme.colorBrandBackground : theme.colorNeutralBackground3}
                            stroke={theme.colorNeutralStroke1}
                          />
                          <text
                            x={x(i) + NODE_W / 2}
                            y={y(0) + NODE_H / 2 + 5}
                            textAnchor="middle"
                            fontSize="14"
                            fontWeight="600"
                            fill={c.key === 'us' ? theme.colorNeutralForegroundOnBrand : fg}
                          >
                            {c.key === 'us' ? 'Our team' : 'End-user customer'}
                          </text>
                        </g>
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
              </div>
              <Body1 className={styles.legend}>
                Blue: internal partners. Amber: external partners. ★ marks where authority sits (decision
                makers and escalation contacts).
              </Body1>
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
