// Types of the insights: what changed since the last report, accounts to review, money left on
// the table. One import for their users; each part lives in its own file.
export type * from './snapshotTypes.js';
export type * from './siteInsightTypes.js';
export type * from './runInsightTypes.js';
