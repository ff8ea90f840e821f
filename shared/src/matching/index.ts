export * from './schema.js';
export * from './constraints.js';
export * from './score.js';
export * from './flow.js';
export * from './propose.js';
