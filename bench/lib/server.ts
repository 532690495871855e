import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RunningServer {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts the API exactly as in production (`node --import tsx apps/api/src/server.ts`) in its own process,
 * so that the load generator does not share its event loop, and waits until /api/health answers.
 */
export async function startServer({
  repoRoot,
  dataDir,
  databaseUrl,
  env: extraEnv = {},
}: {
  repoRoot: string;
  dataDir: string;
  databaseUrl?: string;
  /** More settings for this run (the petitions bench: human-check work, submission rate limit, sealing key). */
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'true',
    SCHEDULER: 'false',
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...extraEnv,
  };
  // An inherited DATABASE_URL must not turn a PGlite run into a PostgreSQL one.
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;

  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const done = await Promise.race([exited(child).then(() => true), sleep(15_000).then(() => false)]);
    if (!done) {
      child.kill('SIGKILL');
      await exited(child);
    }
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`API process exited (${child.exitCode ?? child.signalCode}) before answering:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`API did not answer /api/health within 120 s:\n${output}`);
    }
    await sleep(200);
  }
  return { baseUrl, pid: child.pid!, stop };
}

/** Signs in through the API and returns the Cookie header value carrying the session. */
export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  return (await loginSession(baseUrl, username, password)).cookie;
}

/** Signs in through the API: the Cookie header value and the CSRF token that state-changing requests send back. */
export async function loginSession(baseUrl: string, username: string, password: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { status?: string; session?: { csrfToken: string } };
  if (!response.ok || body.status !== 'ok' || !body.session) throw new Error(`login as ${username} failed: ${response.status} ${JSON.stringify(body)}`);
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith('gt_session='));
  if (!session) throw new Error(`login as ${username} set no gt_session cookie`);
  return { cookie: session.split(';')[0], csrfToken: body.session.csrfToken };
}
