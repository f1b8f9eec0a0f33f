/** The as-of date control; the value lives in the URL (`uttag`), empty means the default. */
import { isoDate, type DayNumber } from '../../kpi';
import { useUrlControls } from './urlControls';

export function AsOfInput({ asOf }: { asOf: DayNumber }) {
  const [, setParams] = useUrlControls();
  return (
    <label>
      Uttagsdatum
      <input type="date" value={isoDate(asOf)} onChange={(e) => setParams({ uttag: e.target.value || null })} />
    </label>
  );
}
