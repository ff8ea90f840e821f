import './zod-locale.js';
export * from './enums.js';
export * from './consent.js';
export * from './capture/index.js';
export * from './questionnaire.js';
export * from './roadmap/index.js';
export * from './tracking.js';
