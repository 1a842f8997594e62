import {
  Badge,
  Body1,
  Caption1,
  Card,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Partner, People } from '../api/api-types';
import { words } from '../format';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  tableWrap: { overflowX: 'auto' },
});

/** A partner's contacts: who they are, their role, how they like to be approached, who decides and escalates. */
export function PartnerContacts(props: { partner: Partner; people: People }): ReactNode {
  const { partner, people } = props;
  const styles = useStyles();
  return (
    <Card className={styles.section}>
      <Subtitle2 as="h2">Contacts</Subtitle2>
      {partner.contacts.length === 0 ? (
        <Body1>No contacts yet.</Body1>
      ) : (
        <div className={styles.tableWrap}>
          <Table size="small" aria-label="Contacts">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Name</TableHeaderCell>
                <TableHeaderCell>Role</TableHeaderCell>
                <TableHeaderCell>Prefers</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {partner.contacts.map((c) => {
                const person = people[c.personId];
                return (
                  <TableRow key={c.personId}>
                    <TableCell>
                      {person?.displayName ?? '—'}
                      {c.isDecisionMaker && (
                        <Badge appearance="tint" color="brand">
                          Decides
                        </Badge>
                      )}
                      {c.isEscalationContact && (
                        <Badge appearance="tint" color="warning">
                          Escalation
                        </Badge>
                      )}
                      <br />
                      <Caption1>{[person?.email, person?.phone].filter(Boolean).join(' · ')}</Caption1>
                    </TableCell>
                    <TableCell>{c.role}</TableCell>
                    <TableCell>
                      {words(c.communicationStyle)}, {words(c.preferredChannel)}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </Card>
  );
}
