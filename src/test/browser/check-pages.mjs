// What a browser sees of the web pages of build --html: each file is opened from disk in the system's Chromium,
// at a desktop width and at 375 px (a phone), and this prints one JSON object (stdout) for WebPageBrowserTest:
//   console errors and page errors; every request the page made (it must make none of its own);
//   the tables, their rows of totals (a cell ending in 合计 or 总计) and which of those cells are not visible;
//   the widths at 375 px (the page must not scroll sideways; wide tables scroll inside their own box);
//   axe-core's violations (injected by this script, not by the page).
// Usage: node check-pages.mjs [--screenshots DIR] page.html…
// The browser: $BUDGETPDF_CHROMIUM, else /usr/bin/chromium (Debian's package chromium). No browser is downloaded.
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const args = process.argv.slice(2);
let shots = null;
if (args[0] === '--screenshots') {
  shots = resolve(args[1]);
  mkdirSync(shots, { recursive: true });
  args.splice(0, 2);
}
if (args.length === 0) {
  console.error('usage: node check-pages.mjs [--screenshots DIR] page.html…');
  process.exit(2);
}

const WIDTHS = [{ name: 'desktop', width: 1280, height: 900 }, { name: 'phone', width: 375, height: 812 }];

const browser = await chromium.launch({
  executablePath: process.env.BUDGETPDF_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  // as root, on a machine without a network: no sandbox, no background connections, no updates
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

const report = { browser: browser.version(), pages: [] };
try {
  for (const file of args) {
    const url = pathToFileURL(resolve(file)).href;
    const result = { file, views: [] };
    for (const view of WIDTHS) {
      const context = await browser.newContext({ viewport: { width: view.width, height: view.height }, isMobile: view.name === 'phone' });
      const page = await context.newPage();
      const errors = [];
      const requests = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.route('**/*', (route) => {
        const u = route.request().url();
        if (u === url) return route.continue();
        requests.push(u);
        return route.abort();
      });
      const response = await page.goto(url, { waitUntil: 'load' });
      const seen = await page.evaluate(() => {
        const visible = (el) => {
          const r = el.getBoundingClientRect();
          return el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && r.width > 0 && r.height > 0;
        };
        const tables = [...document.querySelectorAll('table')].map((t) => {
          const totals = [];
          for (const tr of t.querySelectorAll('tbody tr')) {
            const cells = [...tr.children];
            if (!cells.some((c) => /(合计|总计)[：:]?$/.test(c.textContent.trim()))) continue; // 合计, 本年收入合计, 收支总计…
            totals.push({
              text: cells.map((c) => c.textContent.trim()),
              hidden: cells.filter((c) => c.textContent.trim() !== '' && !visible(c)).map((c) => c.textContent.trim()),
            });
          }
          const box = t.closest('.table-scroll');
          return {
            caption: t.caption ? t.caption.textContent.trim() : '',
            totals,
            boxWidth: box ? box.getBoundingClientRect().width : null,
            tableWidth: t.getBoundingClientRect().width,
          };
        });
        const wide = [...document.body.querySelectorAll('*')]
          .filter((e) => !e.closest('.table-scroll') && e.getBoundingClientRect().right > window.innerWidth + 0.5)
          .slice(0, 5).map((e) => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ': ' + e.textContent.trim().slice(0, 40));
        return {
          title: document.title,
          lang: document.documentElement.lang,
          innerWidth: window.innerWidth,
          scrollWidth: document.documentElement.scrollWidth,
          wide,
          tables,
        };
      });
      let violations = [];
      let axeRules = 0;
      if (view.name === 'phone') { // axe once per page: the phone is where reflow and scrolling regions matter
        await page.addScriptTag({ content: axeSource });
        const axe = await page.evaluate(async () => {
          // eslint-disable-next-line no-undef
          const r = await axe.run(document, { resultTypes: ['violations'] });
          return { rules: r.passes.length + r.violations.length + r.incomplete.length, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
            first: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 200)) })) };
        });
        violations = axe.violations;
        axeRules = axe.rules;
      }
      if (shots) {
        await page.screenshot({ path: `${shots}/${basename(file, '.html')}-${view.name}.png`, fullPage: false });
        await page.screenshot({ path: `${shots}/${basename(file, '.html')}-${view.name}-full.png`, fullPage: true });
      }
      result.views.push({ view: view.name, status: response ? response.status() : null, errors, requests, ...seen, axeRules, violations });
      await context.close();
    }
    report.pages.push(result);
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report) + '\n');
