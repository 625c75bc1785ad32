// Serving the script-tag bundle as a partner's server would: dist/tectra-billing.js and
// its on-demand chunks in dist/chunks/, which it imports relative to its own URL.
// Shared by the demo server (npm start) and the dist smoke test.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Answers a request for a file of dist/ (`path` relative to dist/, query ignored) and
 * returns true, or returns false for anything else.
 */
export function serveDistFile(distDir, path, res) {
  const file = path.split('?')[0] ?? '';
  if (!/^\/(chunks\/)?[\w.-]+\.js$/.test(file)) return false;
  res.writeHead(200, { 'Content-Type': 'text/javascript' });
  res.end(readFileSync(resolve(distDir, `.${file}`)));
  return true;
}
