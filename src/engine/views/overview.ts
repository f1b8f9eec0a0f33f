/** Översikt: each loaded indicator's headline at the as-of date, and the units to choose from. */
import { headline, yearOfMonth, type Headline, type MonthlyShare } from '../../kpi';
import type { Engine } from '../engine';
import type { CardHeadline, OverviewCard, OverviewView, ViewQuery } from '../types';
import { sortedLabels } from './shared';

/** One card per loaded indicator: latest complete month and the year so far against a year earlier. */
export function overviewView(
  engine: Pick<Engine, 'investigations' | 'concerns' | 'decisions'>,
  query: ViewQuery,
): OverviewView {
  // Every month: the views' year-over-year rows are then the whole monthly series.
  const all = { ...query, fromMonth: 0, toMonth: Number.MAX_SAFE_INTEGER };
  const investigations = engine.investigations(all);
  const concerns = engine.concerns(all);
  const decisions = engine.decisions(all);
  const cards: OverviewCard[] = [];
  const card = (
    id: OverviewCard['id'],
    title: string,
    shareLabel: string,
    lowerIsBetter: boolean,
    rows: MonthlyShare[],
  ) => cards.push({ id, title, shareLabel, lowerIsBetter, headline: withPreviousYear(headline(rows, lowerIsBetter)) });
  if (investigations) {
    card(
      'utredningstid',
      'Utredningar över fyra månader utan förlängning i tid',
      'andel sena',
      true,
      investigations.yearOverYear,
    );
  }
  if (concerns) {
    card(
      'orosanmalningar',
      'Orosanmälningar förhandsbedömda inom 14 dagar',
      'andel i tid',
      false,
      concerns.yearOverYear,
    );
  }
  if (decisions && !decisions.onlyNotExecuted) {
    card(
      'verkstallighet',
      'Beslut om insats ej verkställda inom tre månader',
      'andel ej i tid',
      true,
      decisions.yearOverYear,
    );
  }
  const units = [investigations, concerns, decisions].flatMap((view) => view?.units ?? []);
  return { cards, units: sortedLabels([...new Set(units)]) };
}

/** A headline with the year its month is compared with. @example withPreviousYear(h)?.previousYear // 2024 for a headline month in 2025 */
function withPreviousYear(h: Headline | null): CardHeadline | null {
  return h && { ...h, previousYear: yearOfMonth(h.month) - 1 };
}
