import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { WeftError } from '@weft/core';

/**
 * PGlite has no cross-process lock: two processes on one data directory silently lose
 * committed rows. Weft therefore holds an exclusive lock file for as long as a store is open.
 */
export interface DataDirLock {
  path: string;
  release(): void;
}

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

const LOCK_FILE = 'weft.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' ? owner : undefined;
  } catch {
    return undefined;
  }
}

function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
    writeSync(fd, JSON.stringify(owner));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path)) return { path, release: () => releaseIfOurs(path) };
    const owner = readOwner(path);
    if (owner && owner.host === hostname() && isAlive(owner.pid)) {
      throw new WeftError(
        'store-locked',
        `The data directory ${dataDir} is in use by another Weft process (PID ${owner.pid}, since ${owner.startedAt}). ` +
          'Stop that process first, or use another --data-dir.',
        { pid: owner.pid, dataDir },
      );
    }
    if (owner && owner.host !== hostname()) {
      throw new WeftError(
        'store-locked',
        `The data directory ${dataDir} is locked by a Weft process on host ${owner.host} (PID ${owner.pid}). ` +
          `If that process is gone, delete ${path} and try again.`,
        { pid: owner.pid, dataDir },
      );
    }
    // The holder is dead (or the file is unreadable, i.e. a crash mid-write). Take over by
    // renaming the stale file away: rename is atomic, so when two processes race for the same
    // stale lock only one rename succeeds and the other loops back to the exclusive create.
    const stale = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, stale);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      continue;
    }
    const moved = readOwner(stale);
    if (moved && owner && moved.pid !== owner.pid && isAlive(moved.pid)) {
      // We renamed a lock that a racing process had just created: put it back and refuse,
      // so exactly one of the racers proceeds.
      renameSync(stale, path);
      throw new WeftError(
        'store-locked',
        `The data directory ${dataDir} was just locked by another Weft process (PID ${moved.pid}).`,
        { pid: moved.pid, dataDir },
      );
    }
    rmSync(stale, { force: true });
  }
  throw new WeftError('store-locked', `Could not lock the data directory ${dataDir}; try again.`, {
    dataDir,
  });
}

function releaseIfOurs(path: string): void {
  const owner = readOwner(path);
  if (owner?.pid === process.pid) rmSync(path, { force: true });
}
