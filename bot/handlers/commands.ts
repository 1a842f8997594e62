import { BOT_COMMANDS, type BotCommand } from '../command-list';
import type { AdaptiveCard } from '../../cards/card-kit';
import { renderEvidenceCard } from '../../cards/evidence-card';
import { renderExportCard } from '../../cards/export-card';
import { renderHelpCard } from '../../cards/help-card';
import { renderNoticeCard } from '../../cards/notice-card';
import { evidenceExportLinks } from '../export-links';
import type { Turn } from '../turn';
import { openActionForm, openAgreementForm, openMeetingForm, openPartnerForm } from './forms';
import { listCard } from './lists';

const ADD_PARTNER_FIRST = renderNoticeCard(
  'Add a partner first: meetings and agreements are always with one of your service partners.',
  [{ title: 'Add partner', command: 'add partner' }],
);

/** The card a typed command answers with: one message per command. */
export async function replyToCommand(turn: Turn, command: BotCommand): Promise<AdaptiveCard> {
  switch (command.title) {
    case 'help':
      return renderHelpCard(BOT_COMMANDS);
    case 'add partner':
      return openPartnerForm(turn, 'message');
    case 'partners':
      return listCard(turn, 'partners');
    case 'log meeting':
      return (await hasPartners(turn)) ? openMeetingForm(turn, 'message') : ADD_PARTNER_FIRST;
    case 'new action':
      return openActionForm(turn, 'message');
    case 'my actions':
      return listCard(turn, 'myActions');
    case 'new agreement':
      return (await hasPartners(turn)) ? openAgreementForm(turn, 'message') : ADD_PARTNER_FIRST;
    case 'agreements':
      return listCard(turn, 'agreements');
    case 'checkins':
      return listCard(turn, 'checkins');
    case 'evidence':
      return renderEvidenceCard({
        summary: await turn.core.evidence.summary(turn.caller.scope, 5),
        timeZone: turn.timeZone,
      });
    case 'export':
      return renderExportCard({
        links: evidenceExportLinks(
          { publicUrl: turn.publicUrl, secret: turn.linkSecret, now: turn.now },
          turn.caller,
        ),
      });
    default:
      return renderHelpCard(BOT_COMMANDS);
  }
}

async function hasPartners(turn: Turn): Promise<boolean> {
  const page = await turn.core.partners.list(turn.caller.scope, { status: 'active' }, { limit: 1 });
  return page.items.length > 0;
}
