export * from './project.js';
export * from './project-permissions.js';
export * from './role.js';
export * from './username.js';
