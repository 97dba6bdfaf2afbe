import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<dir>/dash.lock` for this process, or throws naming the process that holds it.
 * A lock left by a dead process (crash, SIGKILL) is taken over. Returns the release function.
 */
export function acquireDirLock(dir: string): () => void {
  const file = path.join(dir, 'dash.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new AppError('CONFLICT',
          `DATA_DIR ${dir} is in use by another Dash process (pid ${holder}). ` +
          'Stop it, or set DATA_DIR to another directory, or DATABASE_URL to share a PostgreSQL database.');
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new AppError('CONFLICT', `cannot take the lock file ${file}`);
}
