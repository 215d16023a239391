/**
 * True when a process with this id runs on this machine. A process owned by another user
 * answers EPERM: it runs, and its files are not ours to take.
 */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
