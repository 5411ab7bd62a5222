export * from '../screening-schema.js';
export * from './criteria-and-reasons.js';
export * from './decisions.js';
export * from './resolutions-and-stops.js';
export * from './sample.js';
export * from './stage-queries.js';
export * from './stage-states.js';
export * from './stages.js';
