// The resident memory of one VS Code's extension host, read from /proc (Linux only). Other VS Code
// instances may run on the machine: the host is the `--type=extensionHost` process that descends from
// the server started with our user data folder.
import * as fs from 'node:fs';

interface Proc {
  pid: number;
  ppid: number;
  cmdline: string;
}

function readProc(pid: number): Proc | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    return { pid, ppid, cmdline };
  } catch {
    return undefined; // exited meanwhile, or not ours to read
  }
}

function descendsFrom(proc: Proc, all: Map<number, Proc>, marker: string): boolean {
  for (let at = all.get(proc.ppid); at; at = all.get(at.ppid)) {
    if (at.cmdline.includes(marker)) return true;
  }
  return false;
}

/** The pid of the extension host under the code-server whose command line holds `userDataDir`. */
export function extensionHostPid(userDataDir: string): number {
  if (!fs.existsSync('/proc/self/stat')) throw new Error('reading the extension host memory needs /proc (Linux)');
  const all = new Map<number, Proc>();
  for (const name of fs.readdirSync('/proc')) {
    const proc = /^\d+$/.test(name) ? readProc(Number(name)) : undefined;
    if (proc) all.set(proc.pid, proc);
  }
  const hosts = [...all.values()].filter((p) => p.cmdline.includes('--type=extensionHost') && descendsFrom(p, all, userDataDir));
  if (hosts.length !== 1) throw new Error(`expected one extension host under this VS Code, found ${hosts.length}`);
  return hosts[0].pid;
}

/** Resident set size of a process, in bytes. */
export function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}
