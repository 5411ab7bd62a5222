export * from './backup-format.js';
export * from './restore-backup.js';
export * from './write-backup.js';
