/** The KPI core's public entry: the rest of src/ imports kpi only from here. */
export * from './calendar';
export * from './investigations';
export * from './periods';
export * from './concerns';
export * from './decisions';
export * from './stats';
export * from './watch';
