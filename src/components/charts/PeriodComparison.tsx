/** A span of months for every year: chart of both averages plus the table with the counts. */
import type { CsvColumn } from '../../format/csv';
import { monthName } from '../../format/date';
import { formatCount, formatPercent } from '../../format/number';
import { toPercent, type PeriodRow } from '../../kpi';
import { PrelMark } from '../tables/cells';
import { DataTable, type Column } from '../tables/DataTable';
import { PeriodControls } from '../ui/ViewControls';
import { PeriodChart } from './PeriodChart';
import { memoOnData } from '../sameData';

interface Props {
  rows: PeriodRow[];
  periodFrom: number;
  periodTo: number;
  /** What the share is of, e.g. "Andel sena utredningar". */
  subject: string;
  denominatorLabel: string;
  numeratorLabel: string;
  csv: { fileName: string; columns: CsvColumn<PeriodRow>[] };
  testId: string;
  /** Show the span selector (not in the printed report). */
  controls?: boolean;
}

export const PeriodComparison = memoOnData(function PeriodComparison({
  rows,
  periodFrom,
  periodTo,
  subject,
  denominatorLabel,
  numeratorLabel,
  csv,
  testId,
  controls = true,
}: Props) {
  const span = `${monthName(periodFrom)}–${monthName(periodTo)}`;
  const columns: Column<PeriodRow>[] = [
    {
      header: 'År',
      cell: (p) => (
        <>
          {p.year}
          {p.preliminary && <PrelMark />}
        </>
      ),
      rowHeader: true,
    },
    { header: 'Månader med data', cell: (p) => `${p.monthsWithData} av ${p.monthsInSpan}`, numeric: true },
    { header: denominatorLabel, cell: (p) => formatCount(p.denominator), numeric: true },
    { header: numeratorLabel, cell: (p) => formatCount(p.numerator), numeric: true },
    { header: 'Medelvärde av månadsandelar', cell: (p) => formatPercent(p.meanOfMonthlyShares), numeric: true },
    { header: 'Sammanvägd andel', cell: (p) => formatPercent(p.pooledShare), numeric: true },
  ];
  return (
    <>
      <h2>Jämförelseperiod {span}, alla år</h2>
      {controls && <PeriodControls periodFrom={periodFrom} periodTo={periodTo} />}
      <p className="lead">
        Två sätt att räkna genomsnittet, båda redovisade: <strong>medelvärdet av månadsandelarna</strong> (som nämndens
        egna tabeller) och <strong>den sammanvägda andelen</strong> ({numeratorLabel.toLowerCase()} delat med{' '}
        {denominatorLabel.toLowerCase()} under hela perioden).
      </p>
      <PeriodChart
        title={`${subject} ${span} per år`}
        rows={rows.map((p) => ({
          label: `${p.year}${p.preliminary ? ' (prel.)' : ''}`,
          mean: toPercent(p.meanOfMonthlyShares),
          pooled: toPercent(p.pooledShare),
        }))}
        pooledName={`Sammanvägd andel (${numeratorLabel.toLowerCase()} / ${denominatorLabel.toLowerCase()})`}
      />
      <DataTable
        testId={testId}
        caption={`${subject} ${span}, per år`}
        columns={columns}
        rows={rows}
        rowKey={(p) => p.year}
        preliminary={(p) => p.preliminary}
        csv={csv}
      />
    </>
  );
});
