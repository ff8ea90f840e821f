export * from './definition.js';
export * from './maths.js';
export * from './recognise.js';
export * from './standard.js';
export * from './participants.js';
export * from './note.js';
export * from './schedule.js';
