import {
  Caption1,
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
import type { CoverageRow } from '../api/evidence-client';
import { formatDate } from '../format';
import { useServices } from '../services';

const useStyles = makeStyles({
  tableWrap: { overflowX: 'auto' },
  gap: { backgroundColor: tokens.colorPaletteRedBackground1 },
});

/** The unit's criteria against the evidence: how many items, the latest, and the gaps (named, not only coloured). */
export function CoverageTable(props: {
  coverage: { rows: readonly CoverageRow[]; items: number };
}): ReactNode {
  const { coverage } = props;
  const { locale } = useServices();
  const styles = useStyles();
  return (
    <div className={styles.tableWrap}>
      <Table size="small" aria-label="Criteria coverage">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Criterion</TableHeaderCell>
            <TableHeaderCell>Items</TableHeaderCell>
            <TableHeaderCell>Latest</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {coverage.rows.map((r) => (
            <TableRow
              key={r.code}
              className={r.count === 0 ? styles.gap : undefined}
              data-testid={`coverage-${r.code}`}
            >
              <TableCell>
                <strong>{r.code}</strong> {r.text}
              </TableCell>
              <TableCell>{r.count === 0 ? 'Gap: no evidence yet' : r.count}</TableCell>
              <TableCell>{r.latest ? formatDate(r.latest, locale) : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Caption1>
        Counted over all {coverage.items} items of the trail, with your criteria changes applied.
      </Caption1>
    </div>
  );
}
