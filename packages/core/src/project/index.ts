export * from './project.js';
export * from './role.js';
export * from './username.js';
