export * from './roadmap-import.js';
export * from './capture.js';
export * from './meeting.js';
export * from './kpi.js';
