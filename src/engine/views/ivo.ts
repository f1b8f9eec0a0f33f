/** The quarterly IVO list of the Verkställighet page, for the chosen units. */
import { ivoList, type IvoEntry } from '../../kpi';
import { ivoColumns } from '../cubes';
import type { Engine } from '../engine';
import type { IvoQuery, IvoView } from '../types';
import { unitCodes } from './shared';

/**
 * Every decision past its three-month deadline and not executed on at least one day of the quarter,
 * and every interruption not resumed within three months; null without decisions.
 */
export function ivoView(engine: Engine, query: IvoQuery): IvoView | null {
  const built = engine.decisionCube(query.asOf, query.deadline);
  if (!built) return null;
  const columns = ivoColumns(built.table);
  const selected = unitCodes(built.units, query.units);
  const wanted = selected ? new Set(selected) : null;
  const list = ivoList(
    columns,
    query.quarter,
    query.asOf,
    query.deadline,
    wanted ? (row) => wanted.has(columns.unit[row]) : undefined,
  );
  const statusCounts: Record<IvoEntry['status'], number> = {
    ny: 0,
    'väntar fortfarande': 0,
    'verkställt sedan förra kvartalet': 0,
  };
  for (const entry of list.entries) statusCounts[entry.status] += 1;
  return { ...list, statusCounts };
}
