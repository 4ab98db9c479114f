// Audits one or more pages with Lighthouse in a single Chromium, printing the reports as a
// JSON list. The command line `lighthouse` starts Node, loads its configuration and launches
// a Chromium for every page (about 15 s on a busy 2-core machine before it audits anything);
// here that is paid once. Each page is still Lighthouse's own navigation run, which resets the
// origin's storage first, so every page is audited as a first visit.
//
//   node audit_pages.mjs CATEGORIES provided|throttled URL...
//   (CHROME_PATH: the Chromium to run; LIGHTHOUSE_CHROME_FLAGS: its flags, space-separated)
import * as ChromeLauncher from 'chrome-launcher'; // Lighthouse's own dependency (package-lock.json)
import lighthouse from 'lighthouse';

const [categories, throttling, ...urls] = process.argv.slice(2);
const chrome = await ChromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: (process.env.LIGHTHOUSE_CHROME_FLAGS || '').split(' ').filter(Boolean),
});
try {
  const reports = [];
  for (const url of urls) {
    const flags = {port: chrome.port, output: 'json', logLevel: 'error',
      onlyCategories: categories.split(',')};
    if (throttling === 'provided') flags.throttlingMethod = 'provided';
    const result = await lighthouse(url, flags);
    if (!result || result.lhr.runtimeError) {
      throw new Error(`${url}: ${result ? result.lhr.runtimeError.message : 'no result'}`);
    }
    reports.push(result.lhr);
  }
  process.stdout.write(JSON.stringify(reports));
} finally {
  chrome.kill();
}
