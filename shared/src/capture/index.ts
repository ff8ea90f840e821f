export * from './roles.js';
export * from './parse.js';
export * from './schemas.js';
export * from './issues.js';
