export * from './classification-csv.js';
