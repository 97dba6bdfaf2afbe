/**
 * Builds the ESP32 core logic (lib/dash_core) and its host tests (test/*.cpp) with the
 * machine's g++, then runs each C++ test as one vitest case. Without g++ the suite is
 * skipped with a note; CI has one. PlatformIO is not needed (nor installable here).
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const HERE = import.meta.dirname;
const REPO = resolve(HERE, '../..');
const CXX = process.env.CXX ?? 'g++';
const FLAGS = ['-std=c++17', '-Wall', '-Wextra', '-Werror', '-pedantic', '-g'];
const SANITIZE = ['-fsanitize=address,undefined', '-fno-sanitize-recover=undefined'];

const hasCompiler = spawnSync(CXX, ['--version']).status === 0;
if (!hasCompiler) console.warn(`[esp32 host tests] skipped: no C++ compiler (${CXX}) on PATH; install g++ to run them (CI does).`);

const sources = [
  ...readdirSync(join(HERE, 'test')).filter((f) => f.endsWith('.cpp')).map((f) => join(HERE, 'test', f)),
  ...readdirSync(join(HERE, 'lib/dash_core/src')).filter((f) => f.endsWith('.cpp')).map((f) => join(HERE, 'lib/dash_core/src', f)),
];
const buildDir = mkdtempSync(join(tmpdir(), 'dash-esp32-'));
afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

/** Compiles every unit in parallel, then links; null and the compiler's words on failure. */
async function build(extra: string[]): Promise<{ binary: string } | { error: string }> {
  try {
    const objects = await Promise.all(sources.map(async (source, i) => {
      const object = join(buildDir, `${i}.o`);
      await run(CXX, [...FLAGS, ...extra, '-c', source, '-o', object]);
      return object;
    }));
    const binary = join(buildDir, 'host-tests');
    await run(CXX, [...FLAGS, ...extra, ...objects, '-o', binary]);
    return { binary };
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    return { error: stderr || message };
  }
}

// Sanitizers catch out-of-bounds and overflow the ESP32 would not report; not every
// toolchain ships them, so fall back to a plain build rather than fail for that.
const built = hasCompiler ? await build(SANITIZE).then((r) => ('binary' in r ? r : build([]))) : null;
const names = built && 'binary' in built
  ? spawnSync(built.binary, [REPO, '--list'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean)
  : [];

describe.skipIf(!hasCompiler)(`ESP32 core on the host (${CXX} ${FLAGS.join(' ')})`, () => {
  it('compiles without a warning', () => {
    expect(built && 'error' in built ? built.error : '').toBe('');
    expect(names.length).toBeGreaterThan(20);
  });

  it.each(names)('%s', (name) => {
    const binary = built && 'binary' in built ? built.binary : '';
    const result = spawnSync(binary, [REPO, name], { encoding: 'utf8' });
    expect(result.stderr + result.stdout).toBe(`ok ${name}\n`);
    expect(result.status).toBe(0);
  });
});
