import { z } from 'zod';
import type { Core } from '../../core/core';
import { REMINDER_STATUSES } from '../../core/reminders/reminder';
import { ReminderPreferencesInput } from '../../core/reminders/reminder-preferences';
import { ok, type ApiRoute } from './api-route';
import { csvOf, idParam, pageOf, parseBody, parseQuery } from './request-parsing';

const ReminderQuery = z.object({ status: csvOf(REMINDER_STATUSES).optional() });

/** The caller's own reminders, each one's delivery log, and when and how they want reminders. */
export function reminderRoutes(core: Core): ApiRoute[] {
  const me = (req: { identity: { tenantId: string } }) => ({ tenantId: req.identity.tenantId });
  return [
    {
      method: 'GET',
      path: '/reminders',
      handle: async (req) => {
        const { status } = parseQuery(ReminderQuery, req.query);
        return ok(await core.reminders.mine(me(req), req.identity.user, pageOf(req), status));
      },
    },
    {
      method: 'GET',
      path: '/reminders/:id/deliveries',
      handle: async (req) =>
        ok({
          items: await core.reminders.deliveries({ scope: me(req), user: req.identity.user }, idParam(req)),
        }),
    },
    {
      method: 'GET',
      path: '/reminders/unreachable-owners',
      handle: async (req) => ok(await core.reminders.unreachableAssigned(me(req), req.identity.user)),
    },
    {
      method: 'GET',
      path: '/me/reminder-preferences',
      handle: async (req) => ok(await core.reminders.preferences(me(req), req.identity.user)),
    },
    {
      method: 'PUT',
      path: '/me/reminder-preferences',
      handle: async (req) =>
        ok(
          await core.reminders.setPreferences(
            me(req),
            req.identity.user,
            parseBody(ReminderPreferencesInput, req),
          ),
        ),
    },
  ];
}
