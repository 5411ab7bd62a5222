export * from './command.js';
export * from './describe-event.js';
export * from './event-names.js';
