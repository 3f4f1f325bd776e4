// Child processes the harness starts (the app, the baseline server, build steps), each in its own
// process group so that stopping it stops its children too (`node scripts/start.mjs` runs
// `next start` as a child). Everything started here is stopped on exit, Ctrl-C and errors.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set();
/** @type {Array<() => Promise<void>>} */
const cleanups = [];

/** Something else to undo on the way out (the browser, for one). */
export function onCleanup(fn) {
  cleanups.push(fn);
}

function killGroup(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/**
 * Start a command in its own process group, its output appended to `logFile`.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env: NodeJS.ProcessEnv, logFile: string, onLine?: (line: string) => void }} options
 */
export function startProcess(command, args, { cwd, env, logFile, onLine }) {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let partial = '';
  const take = (chunk) => {
    fs.writeSync(log, chunk);
    if (!onLine) return;
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  child.on('exit', () => {
    running.delete(child);
    fs.closeSync(log);
  });
  return child;
}

/** Run a command to completion; rejects with the log's tail when it fails. */
export function runProcess(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = startProcess(command, args, options);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${[command, ...args].join(' ')} failed (${signal ?? `exit code ${code}`}):\n${tail(options.logFile)}`));
    });
  });
}

export function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Stop a started process group: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
export async function stopProcess(child, graceMs = 3000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function cleanupAll() {
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch {
      // Best effort: the processes below must still be stopped.
    }
  }
  await Promise.all([...running].map((child) => stopProcess(child)));
}

let exiting = false;
/** True once Ctrl-C or a crash started the shutdown: what fails after that is not news. */
export function isExiting() {
  return exiting;
}
/** Stop everything on Ctrl-C, SIGTERM and crashes; a last synchronous SIGKILL on plain exit. */
export function installExitHandlers() {
  const bail = async (code, message) => {
    if (exiting) return;
    exiting = true;
    if (message) console.error(message);
    await cleanupAll();
    process.exit(code);
  };
  process.on('SIGINT', () => bail(130, '\nbench: interrupted, stopping servers'));
  process.on('SIGTERM', () => bail(143, 'bench: terminated, stopping servers'));
  process.on('SIGHUP', () => bail(129));
  process.on('uncaughtException', (e) => bail(1, `bench: ${e?.stack ?? e}`));
  process.on('unhandledRejection', (e) => bail(1, `bench: ${e?.stack ?? e}`));
  process.on('exit', () => {
    for (const child of running) killGroup(child, 'SIGKILL');
  });
}

/** True when nothing listens on `port` (on any interface the app or baseline might bind). */
function portFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The first free port from `start` on, skipping `taken`. */
export async function freePort(start, taken = []) {
  for (let port = start; port < start + 100; port++) {
    if (!taken.includes(port) && (await portFree(port))) return port;
  }
  throw new Error(`no free port in ${start}–${start + 99}`);
}

/** Poll `url` until it answers 2xx, the child exits, or `timeoutMs` passes. */
export async function waitForHttp(url, { child, timeoutMs, what }) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`${what} exited before it answered ${url}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} did not answer ${url} within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}
