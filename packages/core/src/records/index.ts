export * from './bibliographic-record.js';
