/** The shared controls of an indicator page; their values live in the URL. */
import type { ReactNode } from 'react';
import { monthName } from '../../format/date';
import { isoMonth, type DayNumber, type MonthIndex } from '../../kpi';
import { AsOfInput } from './AsOfInput';
import { DateField } from './DateField';
import { useUrlControls } from './urlControls';

interface Props {
  asOf: DayNumber;
  /** Month range controls; left out on pages without a month range. */
  range?: { from: MonthIndex; to: MonthIndex; firstMonth: MonthIndex; lastMonth: MonthIndex };
  unitOptions: string[];
  units: string[];
  children?: ReactNode;
}

export function ViewControls({ asOf, range, unitOptions, units, children }: Props) {
  const [params, setParams] = useUrlControls();
  const monthInput = (
    label: string,
    key: 'fran' | 'till',
    value: MonthIndex,
    firstMonth: MonthIndex,
    lastMonth: MonthIndex,
  ) => (
    <DateField
      label={label}
      kind="month"
      value={isoMonth(value)}
      min={isoMonth(firstMonth)}
      max={isoMonth(lastMonth)}
      onCommit={(month) => setParams({ [key]: month })}
    />
  );
  return (
    <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label="Urval">
      <AsOfInput asOf={asOf} />
      {range && monthInput('Från månad', 'fran', range.from, range.firstMonth, range.lastMonth)}
      {range && monthInput('Till månad', 'till', range.to, range.firstMonth, range.lastMonth)}
      <fieldset className="units">
        <legend>Enhet {units.length === 0 ? '(alla)' : `(${units.length} valda)`}</legend>
        {unitOptions.map((unit) => (
          <label key={unit} className="check">
            <input
              type="checkbox"
              checked={units.includes(unit)}
              onChange={(e) =>
                setParams({ enhet: e.target.checked ? [...units, unit] : units.filter((u) => u !== unit) })
              }
            />
            {unit}
          </label>
        ))}
        {units.length > 0 && (
          <button type="button" className="link" onClick={() => setParams({ enhet: null })}>
            Visa alla enheter
          </button>
        )}
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={params.get('helgflytt') === '1'}
          onChange={(e) => setParams({ helgflytt: e.target.checked ? '1' : null })}
        />
        Frist på lördag, söndag eller helgdag flyttas till nästa vardag (lag 1930:173 2 §)
      </label>
      {children}
      {(params.has('uttag') || params.has('fran') || params.has('till')) && (
        <button type="button" className="secondary" onClick={() => setParams({ uttag: null, fran: null, till: null })}>
          Återställ datum
        </button>
      )}
    </form>
  );
}

/** The span of calendar months compared across years (e.g. januari–juni). */
export function PeriodControls({ periodFrom, periodTo }: { periodFrom: number; periodTo: number }) {
  const [, setParams] = useUrlControls();
  const select = (label: string, value: number, update: (month: number) => string) => (
    <label>
      {label}
      <select value={value} onChange={(e) => setParams({ period: update(Number(e.target.value)) })}>
        {Array.from({ length: 12 }, (_, i) => (
          <option key={i} value={i + 1}>
            {monthName(i + 1)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label="Jämförelseperiod">
      {select('Från', periodFrom, (m) => `${m}-${periodTo}`)}
      {select('Till', periodTo, (m) => `${periodFrom}-${m}`)}
    </form>
  );
}
