import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiClient } from './api/api-client';
import type { Me } from './api/api-types';
import { navigate, useRoute, type Route } from './router';
import { ServicesProvider, type Services } from './services';
import { fluentThemeOf } from './teams/fluent-theme';
import type { TeamsThemeName } from './teams/space-of-context';
import type { TabContext } from './teams/tab-context';

// Every view is its own chunk: the first render loads only the shell and the view it shows.
const PartnersView = lazy(() => import('./views/partners-view'));
const PartnerDetailView = lazy(() => import('./views/partner-detail-view'));
const ChainMapView = lazy(() => import('./views/chain-map-view'));
const ActionBoardView = lazy(() => import('./views/action-board-view'));
const AgreementsView = lazy(() => import('./views/agreements-view'));
const EvidenceView = lazy(() => import('./views/evidence-view'));
const MyWorkView = lazy(() => import('./views/my-work-view'));
const ConfigView = lazy(() => import('./views/config-view'));
const MeetingPanelView = lazy(() => import('./views/meeting-panel-view'));

/** Teams' frame contexts of a meeting: the side panel beside the call and the stage shared with everyone. */
const MEETING_FRAMES = new Set(['sidePanel', 'meetingStage']);

const NAV: readonly { view: Route['view']; label: string }[] = [
  { view: 'partners', label: 'Partners' },
  { view: 'chain', label: 'Service chain' },
  { view: 'actions', label: 'Actions' },
  { view: 'agreements', label: 'Agreements' },
  { view: 'evidence', label: 'Evidence' },
  { view: 'mine', label: 'My work' },
];

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
  },
  nav: { overflowX: 'auto', scrollbarWidth: 'thin' },
  main: {
    padding: tokens.spacingHorizontalL,
    maxWidth: '1280px',
    marginLeft: 'auto',
    marginRight: 'auto',
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalS },
  },
  banner: { marginBottom: tokens.spacingVerticalM },
  // Teams' meeting side panel is 280–320 px wide: every pixel of padding counts.
  meetingMain: { padding: tokens.spacingHorizontalS, maxWidth: '720px' },
});

/** The tab: Teams-themed shell, local-mode banner, navigation and the current view. */
export function App(props: { tab: TabContext; me: Me }): ReactNode {
  const { tab, me } = props;
  const [themeName, setThemeName] = useState<TeamsThemeName>(tab.theme);
  useEffect(() => tab.onThemeChange(setThemeName), [tab]);
  const theme = fluentThemeOf(themeName);
  const hashRoute = useRoute();
  // In a meeting's side panel or on its stage the tab is the meeting panel, whatever URL it was saved with.
  const inMeeting = MEETING_FRAMES.has(tab.frameContext ?? '') || hashRoute.view === 'meeting';
  const route: Route = inMeeting ? { view: 'meeting' } : hashRoute;
  const services = useMemo<Services>(
    () => ({
      api: new ApiClient(tab.spaceId, () => tab.authToken()),
      me,
      tab,
      locale: tab.locale,
      theme,
      themeName,
    }),
    [tab, me, theme, themeName],
  );
  const styles = useStyles();
  const selected = route.view === 'partner' ? 'partners' : route.view;
  return (
    <FluentProvider theme={theme} className={styles.root} data-theme={themeName} lang={tab.locale}>
      <ServicesProvider value={services}>
        {route.view !== 'config' && !inMeeting && (
          <header className={styles.header}>
            <nav aria-label="Partner board" className={styles.nav}>
              <TabList
                selectedValue={selected}
                onTabSelect={(_, data) => navigate({ view: data.value as Route['view'] })}
              >
                {NAV.map((n) => (
                  <Tab key={n.view} value={n.view}>
                    {n.label}
                  </Tab>
                ))}
              </TabList>
            </nav>
          </header>
        )}
        <main className={inMeeting ? styles.meetingMain : styles.main}>
          {!tab.inTeams && (
            <MessageBar intent="info" className={styles.banner} data-testid="local-mode-banner">
              <MessageBarBody>
                <MessageBarTitle>Local mode</MessageBarTitle>
                {tab.standaloneReason} You are working as {me.user.displayName}, the local identity, in{' '}
                {tab.spaceId ? `space ${tab.spaceId}` : 'your own space'}.
              </MessageBarBody>
            </MessageBar>
          )}
          <Suspense fallback={<Spinner size="small" label="Loading…" />}>{viewOf(route)}</Suspense>
        </main>
      </ServicesProvider>
    </FluentProvider>
  );
}

function viewOf(route: Route): ReactNode {
  switch (route.view) {
    case 'partners':
      return <PartnersView />;
    case 'partner':
      return <PartnerDetailView partnerId={route.id ?? ''} />;
    case 'chain':
      return <ChainMapView />;
    case 'actions':
      return <ActionBoardView />;
    case 'agreements':
      return <AgreementsView />;
    case 'evidence':
      return <EvidenceView />;
    case 'mine':
      return <MyWorkView />;
    case 'config':
      return <ConfigView />;
    case 'meeting':
      return <MeetingPanelView />;
  }
}
