// Opens a page in headless Chromium (the system's, driven by playwright-core) and relays what the page
// pushes to window.__log as JSON lines on stdout, until the page sets window.__done (or 60 s pass).
// Usage: node browser.mjs <page url> [chromium path]
import { chromium } from 'playwright-core';

const [url, executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'] = process.argv.slice(2);
if (!url) {
  console.error('usage: node browser.mjs <page url> [chromium path]');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  page.on('console', (message) => console.error(`page: ${message.text()}`));
  await page.goto(url);
  let seen = 0;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { entries, done } = await page.evaluate(() => ({ entries: window.__log, done: window.__done }));
    for (const entry of entries.slice(seen)) console.log(JSON.stringify(entry));
    seen = entries.length;
    if (done) break;
    if (Date.now() > deadline) throw new Error(`the page did not finish within 60 s (${seen} steps)`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
} finally {
  await browser.close();
}
