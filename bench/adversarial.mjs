// Adversarial inputs at growing sizes: CPU ms per size and the growth per 4× (linear ≈ 4).
// Usage: npm run build && node bench/adversarial.mjs [max-size=100000] [name-filter]
import { ADVERSARIAL } from '../dist/test/robustness/adversarial.js';
import { lintTexts } from '../dist/test/robustness/harness.js';

const max = Number(process.argv[2] ?? 100_000);
const filter = process.argv[3] ?? '';
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
await lintTexts([{ name: 'Dockerfile', text: 'FROM alpine:3.20\n' }]);
for (const c of ADVERSARIAL) {
  if (!c.name.includes(filter)) continue;
  const cells = [];
  for (let n = Math.min(c.size, max / 16); n <= max; n *= 4) {
    const t0 = cpuMs();
    await lintTexts([c.make(n)]);
    cells.push([n, cpuMs() - t0]);
  }
  const growth = cells.length > 1 ? cells.at(-1)[1] / Math.max(1, cells.at(-2)[1]) : NaN;
  console.log(`${c.name.padEnd(44)} ${cells.map(([n, ms]) => `${n}:${ms.toFixed(0)}ms`).join('  ')}  ×${growth.toFixed(1)}${c.quadratic ? '  (known superlinear)' : ''}`);
}
