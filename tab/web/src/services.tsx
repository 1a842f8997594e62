import { createContext, useContext } from 'react';
import type { ApiClient } from './api/api-client';
import type { Me } from './api/api-types';
import type { TabContext } from './teams/tab-context';
import type { Theme } from '@fluentui/react-components';

/** What every view needs: the API in the tab's space, who the user is, where the tab runs, its theme. */
export interface Services {
  readonly api: ApiClient;
  readonly me: Me;
  readonly tab: TabContext;
  readonly locale: string;
  /** The Fluent theme in use (its raw colour values are needed where CSS variables cannot go, e.g. exports). */
  readonly theme: Theme;
  readonly themeName: string;
}

const ServicesContext = createContext<Services | undefined>(undefined);

/** Provides the services to the views. */
export const ServicesProvider = ServicesContext.Provider;

/** The services; only inside the app. */
export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
