export * from './roadmap-import.js';
export * from './capture.js';
export * from './meeting.js';
export * from './case-review.js';
export * from './admin-panel.js';
export * from './kpi.js';
export * from './cycle.js';
