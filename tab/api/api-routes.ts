import type { Core } from '../../core/core';
import { actionRoutes } from './action-routes';
import { agreementRoutes } from './agreement-routes';
import type { ApiRoute } from './api-route';
import { checkInRoutes } from './check-in-routes';
import { evidenceExportRoutes, type ExportServices } from './evidence-export-routes';
import { evidenceRoutes } from './evidence-routes';
import { formRoutes, type CallersDirectory } from './form-routes';
import { meetingRoutes } from './meeting-routes';
import { meetingDraftRoutes } from './meeting-draft-routes';
import { meRoutes, type GraphFeatures, type OnTabOpened } from './me-routes';
import { partnerRoutes } from './partner-routes';
import { reminderRoutes } from './reminder-routes';
import { slaRoutes } from './sla-routes';
import { privacyRoutes } from './privacy-routes';

/** What the API's routes use besides core. */
export interface ApiServices {
  readonly exports: ExportServices;
  readonly now: () => Date;
  /** What Microsoft Graph is connected for (nothing, unless told). */
  readonly graph?: GraphFeatures;
  readonly onTabOpened?: OnTabOpened;
  /** Names picks on the caller's behalf where the app's own directory cannot (see OnBehalfOfUserLookup). */
  readonly callersDirectory?: CallersDirectory;
}

/** Every route of the tab's API, relative to `/api/v1`. */
export function apiRoutes(core: Core, services: ApiServices): ApiRoute[] {
  return [
    ...partnerRoutes(core),
    ...meetingRoutes(core),
    ...meetingDraftRoutes(core),
    ...actionRoutes(core),
    ...agreementRoutes(core),
    ...slaRoutes(core),
    ...checkInRoutes(core),
    ...evidenceRoutes(core),
    ...evidenceExportRoutes(core, services.exports),
    ...formRoutes(core, services.now, services.callersDirectory),
    ...reminderRoutes(core),
    ...meRoutes(services.graph ?? { calendar: false, people: false }, services.onTabOpened),
    ...privacyRoutes(core),
  ];
}
