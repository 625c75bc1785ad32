// Finds the Chromium the tests and benchmarks drive: CHROME_PATH, else the usual
// paths. Nothing here downloads a browser. Run directly, it fails with the one
// command that installs one.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p));
}

/** Flags that work headless as root on these machines, with no network beyond loopback. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Test files run in parallel pages: keep the hidden ones running at full speed
  // (otherwise requestAnimationFrame stops and timers are throttled in the background).
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!findChrome()) {
    console.error(
      'No Chromium found. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\n' +
        'or point CHROME_PATH at a Chrome/Chromium binary.',
    );
    process.exit(1);
  }
}
