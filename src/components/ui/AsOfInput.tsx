/** The as-of date control; the value lives in the URL (`uttag`), empty means the default. */
import { isoDate, type DayNumber } from '../../kpi';
import { DateField } from './DateField';
import { useUrlControls } from './urlControls';

export function AsOfInput({ asOf }: { asOf: DayNumber }) {
  const [, setParams] = useUrlControls();
  return <DateField label="Uttagsdatum" kind="date" value={isoDate(asOf)} onCommit={(uttag) => setParams({ uttag })} />;
}
