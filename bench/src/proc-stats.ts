/**
 * CPU time and resident memory of a process, read from /proc (Linux only). CPU is in
 * milliseconds of user + system time; a delta between two samples over a window is the
 * process's own cost, whatever else runs on the machine.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

export type ProcSample = { cpuMs: number; rssKb: number; hwmKb: number; at: number };

/** utime + stime of `pid` in ms; fields 14 and 15 of /proc/<pid>/stat, counted after the `)` of comm. */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

function statusKb(pid: number, key: string): number {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

export function sampleProc(pid: number): ProcSample {
  return { cpuMs: cpuMsOf(pid), rssKb: statusKb(pid, 'VmRSS'), hwmKb: statusKb(pid, 'VmHWM'), at: performance.now() };
}

/** Every process whose command name is `comm` (e.g. all PostgreSQL backends), summed. */
export function cpuMsOfComm(comm: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === comm) total += cpuMsOf(Number(entry));
    } catch {
      // exited between readdir and read
    }
  }
  return total;
}

/** CPU used between two samples, as a share of one core (1.0 = one core busy). */
export function coreShare(cpuMsDelta: number, wallMs: number): number {
  return wallMs > 0 ? cpuMsDelta / wallMs : 0;
}
