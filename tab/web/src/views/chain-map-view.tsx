import { Body1, Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client';
import type { PartnerBoardPage, People, Partner, PartnerHealth } from '../api/api-types';
import { LoadState } from '../components/load-state';
import { PageHeader } from '../components/page-header';
import { useServices } from '../services';
import { useLoad } from '../use-load';
import { chainColumns } from './chain-layout';
import { ChainMapPicture } from './chain-map-picture';
import { downloadPng, downloadSvg } from './svg-export';

const useStyles = makeStyles({
  scroller: {
    overflowX: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalM,
  },
  legend: { marginTop: tokens.spacingVerticalS },
});

/** The partners the map shows, with their people and health. */
interface ChainBoard {
  readonly items: Partner[];
  readonly people: People;
  readonly health: Readonly<Record<string, PartnerHealth>>;
}

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
  const board = useLoad(() => loadChain(api), [api]);

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
          return (
            <>
              {/* Focusable, so keyboard users can scroll a chain wider than the screen. */}
              <div
                className={styles.scroller}
                tabIndex={0}
                role="region"
                aria-label="Service chain map, scrollable"
              >
                <ChainMapPicture
                  columns={columns}
                  people={people}
                  health={health}
                  theme={theme}
                  svgRef={svg}
                />
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

/** Every active partner with its people and health, page by page. */
async function loadChain(api: ApiClient): Promise<ChainBoard> {
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
}
