/**
 * The demo stops when whoever started it goes away. `npm start` runs this script under tsx
 * under npm: a SIGTERM sent only to npm (as process managers and `kill <pid>` do) does not
 * reach us, and we would be left running with Kamailio and Chromium. So the processes between
 * us and the nearest npm are watched, and their end counts as a SIGTERM.
 */
import fs from 'node:fs';

const POLL_MS = 1000;

/** Parent pid and command line of a process, from /proc (Linux); null when it is gone. */
function processInfo(pid: number): { ppid: number; command: string } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    return { ppid, command };
  } catch {
    return null;
  }
}

const NPM = /(^|[/\s])npm(-cli\.js)?(\s|$)/;

/** Our ancestors up to and including the nearest npm; just the parent when there is none. */
export function launchers(pid = process.pid): number[] {
  const chain: number[] = [];
  let info = processInfo(pid);
  while (info && info.ppid > 1 && chain.length < 8) {
    chain.push(info.ppid);
    const parent = processInfo(info.ppid);
    if (parent && NPM.test(parent.command)) return chain;
    info = parent;
  }
  return chain.slice(0, 1);
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Calls `onGone` once when one of the launchers has ended. */
export function whenLauncherGone(onGone: () => void): void {
  const watched = launchers();
  if (!watched.length) return;
  const timer = setInterval(() => {
    if (watched.every(alive)) return;
    clearInterval(timer);
    onGone();
  }, POLL_MS);
  timer.unref();
}
