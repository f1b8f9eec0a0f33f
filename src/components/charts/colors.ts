/** The chart colours, in a module of their own so a chart without Recharts can use them. */
export const COLORS = { current: '#1d4e89', previous: '#8c6d1f', grid: '#d0d4da', text: '#1f2328' };
