export * from './attribute-value.js';
export * from './classification.js';
export * from './study-attributes.js';
