/** The as-of date control; the value lives in the URL (`uttag`), empty means the default. */
import { useUrlState } from '../../data/urlState';
import { isoDate, type DayNumber } from '../../kpi';

export function AsOfInput({ asOf }: { asOf: DayNumber }) {
  const [, setParams] = useUrlState();
  return (
    <label>
      Uttagsdatum
      <input type="date" value={isoDate(asOf)} onChange={(e) => setParams({ uttag: e.target.value || null })} />
    </label>
  );
}
