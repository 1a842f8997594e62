import { z } from 'zod';
import type { Core } from '../../core/core';
import { NotFoundError, ValidationError } from '../../core/errors';
import type { UserDirectory } from '../../core/people/user-directory';
import type { ApiIdentity, ApiRequest, ApiRoute } from './api-route';

/** The directory as a caller sees it (Microsoft Graph on their behalf), when their sign-in allows it. */
export type CallersDirectory = (identity: ApiIdentity) => UserDirectory | undefined;
import { toErrorResponse } from './api-errors';
import { knownTimeZone } from '../../cards/local-time';
import { renderRecordCard, type CardTime } from './cards/card-renderers';
import type { CardForm, FormContext } from './forms/card-form';
import { CARD_FORMS } from './forms/forms';
import { callerOf, idParam, parseBody, parseQuery, RecordId, scopeOf } from './request-parsing';

/** What the tab posts when a card's Action.Execute fires: its verb and data, as a bot invoke carries them. */
const FormSubmit = z.object({
  verb: z.string().min(1).max(100),
  data: z.record(z.string(), z.unknown()),
});

/** Values a form may start with (`?partnerId=` when opened from a partner's page). */
const FormPreset = z.object({ partnerId: RecordId.optional() });

/** Most agreements a meeting form offers to link. */
const MAX_FORM_AGREEMENTS = 10;

/** Most partners a form offers to choose from. */
const MAX_FORM_PARTNERS = 100;

/**
 * The tab's Adaptive Card seam: `GET /forms/:kind` is the form the bot would send, `POST /forms/:kind` submits it
 * to the same use case and answers with the card that replaces it (or the form again, with errors), and
 * `GET /cards/:type/:id` is a logged item's card.
 */
export function formRoutes(core: Core, now: () => Date, callersDirectory?: CallersDirectory): ApiRoute[] {
  const forms = new Map(CARD_FORMS.map((f) => [f.kind, f]));
  const formOf = (req: ApiRequest): CardForm => {
    const form = forms.get(req.params.kind ?? '');
    if (!form) throw new NotFoundError('Form', req.params.kind ?? '');
    return form;
  };

  async function contextOf(req: ApiRequest): Promise<FormContext> {
    const scope = scopeOf(req);
    const page = await core.board.list(scope, { status: 'active' }, { limit: MAX_FORM_PARTNERS });
    const partnerName = new Map(page.items.map((p) => [p.id, p.name]));
    const people = Object.values(page.people)
      .filter((p) => p.aadObjectId !== req.identity.user.aadObjectId)
      .map((p) => ({
        id: p.id,
        kind: p.kind,
        displayName: p.displayName,
        note: p.partnerId && partnerName.get(p.partnerId),
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
    const preset = Object.fromEntries(
      Object.entries(parseQuery(FormPreset, req.query)).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    const agreements = await core.agreements.list(
      scope,
      { statuses: ['proposed', 'agreed'] },
      { limit: MAX_FORM_AGREEMENTS },
    );
    return {
      me: req.identity.user,
      partners: page.items,
      people,
      agreements: agreements.items.map((a) => ({ id: a.id, title: a.title })),
      preset,
      ...timeOf(req),
    };
  }

  /** The page's time zone (`?tz=`, UTC when unknown) and the server's clock. */
  function timeOf(req: ApiRequest): CardTime {
    const { tz } = parseQuery(z.object({ tz: z.string().max(64).optional() }), req.query);
    return { timeZone: knownTimeZone(tz), now: now() };
  }

  return [
    {
      method: 'GET',
      path: '/forms/:kind',
      handle: async (req) => {
        const form = formOf(req);
        return { status: 200, body: { card: form.render(await contextOf(req)) } };
      },
    },
    {
      method: 'POST',
      path: '/forms/:kind',
      handle: async (req) => {
        const form = formOf(req);
        const { data } = parseBody(FormSubmit, req);
        try {
          const result = await form.submit(
            core,
            callerOf(req),
            data,
            req.idempotencyKey,
            timeOf(req),
            callersDirectory?.(req.identity),
          );
          return { status: 201, body: { outcome: 'saved', ...result } };
        } catch (err) {
          if (!(err instanceof ValidationError)) throw err;
          // As the bot's invoke answers a refused submit: the same form, the user's values, the errors beside them.
          const refused = toErrorResponse(err)!;
          const card = form.render(await contextOf(req), data, err.issues);
          return { status: refused.status, body: { ...(refused.body as object), outcome: 'invalid', card } };
        }
      },
    },
    {
      method: 'GET',
      path: '/cards/action/:id',
      handle: async (req) => {
        const view = await core.actions.view(scopeOf(req), idParam(req));
        return { status: 200, body: { card: renderRecordCard.action(view, timeOf(req)) } };
      },
    },
    {
      method: 'GET',
      path: '/cards/meeting/:id',
      handle: async (req) => {
        const view = await core.meetings.view(scopeOf(req), idParam(req));
        return { status: 200, body: { card: renderRecordCard.meeting(view, timeOf(req)) } };
      },
    },
  ];
}
