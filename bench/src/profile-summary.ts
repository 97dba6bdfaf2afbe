/**
 * Summarises a V8 .cpuprofile (from `npm run bench -- --profile`): self time by function and
 * by source file, and inclusive time of the functions whose names match a filter.
 * Usage: node --import tsx bench/src/profile-summary.ts <file.cpuprofile> [top=25] [inclusive-regex]
 */
import { readFileSync } from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [file = '', topArg = '25', filter] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const short = (url: string) => url.replace(/^file:\/\/.*?\/(node_modules|server|gateway|bench)\//, '$1/') || '(native)';
const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

function top(map: Map<string, number>, k: number, title: string): void {
  console.log(`\n${title} (of ${(total / 1000).toFixed(0)} ms sampled)`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, k)) console.log(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
}

const fn = new Map<string, number>();
const pkg = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  fn.set(label(n), (fn.get(label(n)) ?? 0) + us);
  const m = /node_modules\/((@[^/]+\/)?[^/]+)|(server|gateway|bench)\/src\/([^/]+)/.exec(n.callFrame.url);
  const key = m ? (m[1] ?? `${m[3]}/${m[4]}`) : n.callFrame.url ? 'node:internal' : n.callFrame.functionName || '(native)';
  pkg.set(key, (pkg.get(key) ?? 0) + us);
  if (filter) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (new RegExp(filter).test(l) && !seen.has(l)) {
        seen.add(l);
        inclusive.set(l, (inclusive.get(l) ?? 0) + us);
      }
    }
  }
}
const k = Number(topArg);
top(fn, k, 'self time by function');
top(pkg, k, 'self time by package or source folder');
if (filter) top(inclusive, k, `inclusive time of functions matching /${filter}/`);
