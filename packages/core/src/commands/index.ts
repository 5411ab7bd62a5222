export * from './command.js';
export * from './describe-event.js';
