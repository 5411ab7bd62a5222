export * from './bibliographic-record.js';
export * from './table-fields.js';
