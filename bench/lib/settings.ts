import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { round } from './stats.ts';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export const positiveInt = (text: string | undefined, fallback: number, name: string) => {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${text}`);
  return value;
};

/** The environment settings every bench shares (bench/README.md). */
export const common = {
  seconds: positiveInt(process.env.BENCH_SECONDS, 10, 'BENCH_SECONDS'),
  warmupSeconds: 2,
  connections: positiveInt(process.env.BENCH_CONNECTIONS, 10, 'BENCH_CONNECTIONS'),
  postgresAdminUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
};

export const log = (line: string) => console.log(line);

export function machine(loadAtStart: number) {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim(),
    memoryGb: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    loadAverage1mAtStart: round(loadAtStart),
  };
}

/** Writes bench/out/<prefix>-<timestamp>.json and a copy named `latest`; returns the timestamped path. */
export function saveJson(prefix: string, latestName: string, startedAt: Date, json: unknown): string {
  const outDir = path.join(repoRoot, 'bench', 'out');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${prefix}-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  fs.copyFileSync(file, path.join(outDir, latestName));
  return path.relative(repoRoot, file);
}
