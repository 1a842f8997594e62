import type { Core } from '../../core/core';
import { ok, type ApiRoute } from './api-route';
import { callerOf, idParam } from './request-parsing';

/**
 * Data rights through the API: anyone can download everything the app holds about them, and the members of a
 * space can erase a contact of one of its partners (UK GDPR's rights of access and erasure). Erasing a
 * colleague is for an administrator (`npm run data-rights`), as it changes other people's evidence.
 */
export function privacyRoutes(core: Core): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/me/data',
      handle: async (req) => {
        const data = await core.personData.collectMine(
          { tenantId: req.identity.tenantId },
          req.identity.user.aadObjectId,
        );
        return {
          status: 200,
          // Someone never recorded has nothing held about them but their sign-in.
          body: data ?? { person: null, evidence: [], actionsOwned: [], reminders: [] },
          headers: { 'content-disposition': 'attachment; filename="my-partner-crm-data.json"' },
        };
      },
    },
    {
      method: 'POST',
      path: '/people/:id/erase',
      handle: async (req) => ok(await core.erasure.eraseContact(callerOf(req), idParam(req))),
    },
  ];
}
