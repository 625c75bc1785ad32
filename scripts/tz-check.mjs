// Runs the money, date and summary tests in other time zones (the TZ environment
// variable), in the browser and in Node: billing periods and due dates must not move with
// the viewer's clock. Part of `npm test`.
import { spawnSync } from 'node:child_process';

const ZONES = ['America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const FILES = ['test/reliability/money-time.test.ts', 'test/elements/billing-summary.test.ts'];
const NODE_FILES = ['test/node/core'];

for (const zone of ZONES) {
  const run = spawnSync('node_modules/.bin/web-test-runner', FILES, { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
  const summary = (run.stdout.match(/\d+ passed, \d+ failed/g) ?? []).at(-1) ?? 'no result';
  if (run.status !== 0) {
    console.error(`${zone}: ${summary}\n${run.stdout}\n${run.stderr}`);
    process.exit(1);
  }
  const node = spawnSync('node_modules/.bin/vitest', ['run', ...NODE_FILES], { env: { ...process.env, TZ: zone, NO_COLOR: '1' }, encoding: 'utf8' });
  const nodeSummary = (node.stdout.match(/Tests\s+(\d+ passed[^\n]*)/) ?? [])[1] ?? 'no result';
  if (node.status !== 0) {
    console.error(`${zone} (Node): ${nodeSummary}\n${node.stdout}\n${node.stderr}`);
    process.exit(1);
  }
  console.log(`TZ=${zone}: browser ${summary}; Node ${nodeSummary.trim()}`);
}
