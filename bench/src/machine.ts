/** The machine a run happened on: CPUs, memory, Node, PostgreSQL, load before the run. */
import os from 'node:os';
import postgres from 'postgres';

export async function machineInfo(baseUrl: string) {
  let postgresVersion = 'unreachable';
  try {
    const sql = postgres(baseUrl, { max: 1, onnotice: () => {} });
    postgresVersion = (await sql`show server_version`)[0]?.server_version as string;
    await sql.end();
  } catch {
    // reported as unreachable
  }
  return {
    host: os.hostname(), cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', memGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version, postgres: postgresVersion, loadAvgBefore: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
