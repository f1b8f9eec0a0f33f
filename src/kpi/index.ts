/** The KPI core's public entry: the rest of src/ imports kpi only from here. */
export * from './calendar';
export * from './quarters';
export * from './shares';
export * from './periods';
export * from './breakdowns';
export * from './extensions';
export * from './investigations';
export * from './concerns';
export * from './decisions';
export * from './ivo';
export * from './stats';
export * from './watch';
export * from './idIndex';
