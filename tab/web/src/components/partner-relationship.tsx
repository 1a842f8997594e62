import { Body1, Caption1, Card, Link, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { CheckIn, Partner, PartnerHealth, People } from '../api/api-types';
import { formatDate, words } from '../format';
import { useServices } from '../services';
import { PersonName } from './person-name';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: '4px',
  },
});

/** A partner's relationship at a glance: kind, place in the chain, owner, check-in cadence, where authority sits. */
export function PartnerRelationship(props: {
  partner: Partner;
  people: People;
  checkIn?: CheckIn;
  health?: PartnerHealth;
}): ReactNode {
  const { partner, people, checkIn, health } = props;
  const { locale } = useServices();
  const styles = useStyles();
  return (
    <Card className={styles.section}>
      <Subtitle2 as="h2">Relationship</Subtitle2>
      <div className={styles.facts}>
        <Caption1>Kind</Caption1>
        <Body1>
          {words(partner.kind)} ({partner.side})
        </Body1>
        <Caption1>In the chain</Caption1>
        <Body1>
          {partner.chain.direction}, stage {partner.chain.stage}
        </Body1>
        <Caption1>Owner</Caption1>
        <PersonName person={people[partner.relationshipOwnerId]} fallback="—" size="body" />
        <Caption1>Check-ins</Caption1>
        <Body1>
          {checkIn?.active
            ? `Every ${checkIn.cadence.every} ${checkIn.cadence.unit}${checkIn.cadence.every === 1 ? '' : 's'}; next ${formatDate(checkIn.nextDueDate, locale)}`
            : 'No regular check-in'}
        </Body1>
        <Caption1>Authority</Caption1>
        <Body1>{partner.authorityNotes ?? 'Not recorded'}</Body1>
      </div>
      {health && health.reasons.length > 0 && <Body1>{health.reasons.join(' · ')}</Body1>}
      {partner.informationSources.length > 0 && (
        <Caption1>
          Sources:{' '}
          {partner.informationSources.map((s) =>
            s.url ? (
              <Link key={s.label} href={s.url} target="_blank" rel="noreferrer">
                {s.label}{' '}
              </Link>
            ) : (
              <span key={s.label}>{s.label} </span>
            ),
          )}
        </Caption1>
      )}
    </Card>
  );
}
