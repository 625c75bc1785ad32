// Runs the money, date and summary tests with the browser in other time zones (the TZ
// environment variable): billing periods and due dates must not move with the viewer's
// clock. Part of `npm test`.
import { spawnSync } from 'node:child_process';

const ZONES = ['America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const FILES = ['test/reliability/money-time.test.ts', 'test/core/dates.test.ts', 'test/elements/billing-summary.test.ts'];

for (const zone of ZONES) {
  const run = spawnSync('node_modules/.bin/web-test-runner', FILES, { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
  const summary = (run.stdout.match(/\d+ passed, \d+ failed/g) ?? []).at(-1) ?? 'no result';
  if (run.status !== 0) {
    console.error(`${zone}: ${summary}\n${run.stdout}\n${run.stderr}`);
    process.exit(1);
  }
  console.log(`TZ=${zone}: ${summary}`);
}
