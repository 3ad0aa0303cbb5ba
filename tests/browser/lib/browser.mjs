// Gates 2-7: each page loaded from the local server in Debian's headless Chromium.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { headersFor } from './headers.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// Without the background-networking flags, Chromium's own connections (updates, sync, field
// trials) fail on a closed network. Playwright adds --user-data-dir itself: a fresh temporary
// profile for every launch (it refuses one given here).
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const BROWSER_GATES = ['axe', 'leaks', 'csp', 'anchors', 'mobile', 'print', 'screenshots'];

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };
const HEADINGS = 'h1, h2, h3, h4, h5, h6';

// What each page type must have, so that the anchor and print checks cannot pass on nothing.
const EXPECT = {
  index: { toc: false, nav: false, selfLinks: false },
  notice: { toc: true, nav: true, selfLinks: true },
  changes: { toc: false, nav: true, selfLinks: true },
  archived: { toc: true, nav: true, selfLinks: true },
};

export async function launchChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, chromiumSandbox: false, args: CHROMIUM_ARGS });
}

/**
 * Runs gates 2-6 on one page, and gate 7 when `shots` is a file prefix for its screenshots.
 * Resolves to `{ gates, files }`: each gate's list of problems (empty: passed; null: not
 * applicable) and the files written.
 */
export async function checkPage(browser, { origin, headerRules, page: info, shots }) {
  const url = origin + info.urlPath;
  // Screenshots are taken of some pages only; null marks a gate that does not apply.
  const gates = Object.fromEntries(BROWSER_GATES.map((gate) => [gate, gate === 'screenshots' && !shots ? null : []]));
  const files = [];
  const expect = EXPECT[info.type] ?? EXPECT.notice;
  const guard = async (gate, work) => {
    try {
      await work(gates[gate]);
    } catch (error) {
      gates[gate].push(`could not check: ${String(error.message ?? error).split('\n')[0]}`);
    }
  };

  // Gate 3 on its own: the CSP is bypassed so that the markup itself is measured, not the policy
  // that would block it. Whatever the page asks for off its origin is recorded, then aborted.
  await guard('leaks', async (problems) => {
    const { context, page, leaks } = await openPage(browser, origin, { viewport: DESKTOP, bypassCSP: true });
    try {
      await page.goto(url, { waitUntil: 'load' });
      // Lazy content loads when scrolled to.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForLoadState('networkidle');
      problems.push(...leaks.map((leak) => `request to another origin: ${leak}`));
      problems.push(...(await hintsElsewhere(page, origin)));
      const cookies = await context.cookies();
      if (cookies.length > 0) problems.push(`cookies set: ${cookies.map((c) => c.name).join(', ')}`);
      const storage = await page.evaluate(async () => ({
        localStorage: localStorage.length,
        sessionStorage: sessionStorage.length,
        indexedDB: (await indexedDB.databases()).length,
      }));
      for (const [kind, count] of Object.entries(storage)) {
        if (count > 0) problems.push(`${kind} used: ${count} entries`);
      }
    } finally {
      await context.close();
    }
  });

  // The page as a reader gets it: the netlify.toml headers in force.
  const { context, page, leaks, messages, failures } = await openPage(browser, origin, {
    viewport: DESKTOP,
  });
  try {
    let loaded = false;
    await guard('csp', async (problems) => {
      const response = await page.goto(url, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      loaded = true;
      const expected = headersFor(headerRules, info.urlPath);
      if (!Object.keys(expected).some((name) => name.toLowerCase() === 'content-security-policy')) {
        problems.push('netlify.toml sends no Content-Security-Policy for this page');
      }
      const sent = response.headers();
      for (const [name, value] of Object.entries(expected)) {
        if (sent[name.toLowerCase()] !== value) {
          problems.push(`header ${name}: expected ${JSON.stringify(value)}, got ${JSON.stringify(sent[name.toLowerCase()])}`);
        }
      }
      problems.push(...consoleProblems(messages.splice(0), failures.splice(0)));
      const style = await page.evaluate(() => {
        const sheets = [...document.querySelectorAll('link[rel~="stylesheet"]')].map((link) => ({
          href: link.href,
          rules: link.sheet ? link.sheet.cssRules.length : -1,
        }));
        return {
          sheets,
          measure: getComputedStyle(document.documentElement).getPropertyValue('--measure').trim(),
          maxWidth: getComputedStyle(document.body).maxWidth,
        };
      });
      if (style.sheets.length === 0) problems.push('no stylesheet linked');
      for (const sheet of style.sheets) {
        if (sheet.rules <= 0) problems.push(`stylesheet not applied: ${sheet.href}`);
      }
      // notice.css sets --measure and limits body to it; the browser's own style sets neither.
      if (style.measure === '' || style.maxWidth === 'none') {
        problems.push(`page looks unstyled: --measure=${JSON.stringify(style.measure)}, body max-width=${style.maxWidth}`);
      }
    });
    const whenLoaded = (gate, work) =>
      guard(gate, async (problems) => (loaded ? work(problems) : problems.push('not checked: the page did not load')));

    await whenLoaded('anchors', async (problems) => {
      const links = page.locator('nav.toc a[href^="#"]');
      const count = await links.count();
      if (expect.toc && count === 0) problems.push('no table of contents entries');
      for (let i = 0; i < count; i++) {
        const link = links.nth(i);
        const id = decodeURIComponent((await link.getAttribute('href')).slice(1));
        await page.evaluate(() => window.scrollTo(0, 0));
        await link.click();
        const where = await page.evaluate(
          ({ id, selector }) => {
            const target = document.getElementById(id);
            if (!target) return { missing: true };
            const heading = target.matches(selector) ? target : target.querySelector(selector);
            if (!heading) return { noHeading: true };
            const box = heading.getBoundingClientRect();
            return { hash: location.hash, top: box.top, bottom: box.bottom, height: window.innerHeight };
          },
          { id, selector: HEADINGS },
        );
        if (where.missing) problems.push(`#${id}: no element with this id`);
        else if (where.noHeading) problems.push(`#${id}: the target has no heading`);
        else if (where.hash !== `#${id}`) problems.push(`#${id}: the address shows ${where.hash}`);
        else if (where.top < 0 || where.bottom > where.height) {
          problems.push(`#${id}: heading not in the viewport (top ${Math.round(where.top)}, bottom ${Math.round(where.bottom)}, viewport ${where.height})`);
        }
      }
    });

    // Injects axe's script through DevTools, so it runs after the console was read.
    await whenLoaded('axe', async (problems) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      problems.push(...(await axeProblems(page)));
    });

    if (shots) {
      await whenLoaded('screenshots', async () => {
        const file = `${shots}-desktop.png`;
        await page.screenshot({ path: file, fullPage: true });
        files.push(file);
      });
    }

    await whenLoaded('print', async (problems) => {
      await page.emulateMedia({ media: 'print' });
      const shown = await page.evaluate(() => {
        const visible = (selector) => [...document.querySelectorAll(selector)].map((el) => el.checkVisibility());
        return {
          nav: visible('nav, .page-header'),
          selfLinks: visible('.self-link'),
          skipLinks: visible('.skip-link'),
          heading: visible('h1'),
        };
      });
      if (expect.nav && shown.nav.length === 0) problems.push('no navigation found to hide');
      if (expect.selfLinks && shown.selfLinks.length === 0) problems.push('no self-links found to hide');
      const showing = (list) => list.filter(Boolean).length;
      if (showing(shown.nav)) problems.push(`${showing(shown.nav)} navigation element(s) printed`);
      if (showing(shown.selfLinks)) problems.push(`${showing(shown.selfLinks)} self-link glyph(s) printed`);
      if (showing(shown.skipLinks)) problems.push(`${showing(shown.skipLinks)} skip link(s) printed`);
      if (showing(shown.heading) === 0) problems.push('the heading is not printed');
      const pdf = await page.pdf({ format: 'A4' });
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') problems.push('page.pdf() did not produce a PDF');
      if (shots) {
        const file = `${shots}.pdf`;
        await writeFile(file, pdf);
        files.push(file);
      }
    });
    // Whatever the console said after the load (while printing, say) counts too.
    gates.csp.push(...consoleProblems(messages, failures).map((problem) => `later: ${problem}`));
    for (const leak of leaks) gates.leaks.push(`request to another origin (with the CSP in force): ${leak}`);
  } finally {
    await context.close();
  }

  // Gate 6 on a phone: a mobile viewport honours <meta name="viewport">, so a page without one
  // is laid out 980 px wide and fails here.
  await guard('mobile', async (problems) => {
    const phone = await openPage(browser, origin, { viewport: PHONE, isMobile: true, hasTouch: true });
    try {
      await phone.page.goto(url, { waitUntil: 'load' });
      // On a phone, content wider than the screen makes the browser zoom out (innerWidth grows)
      // or scroll sideways; the layout viewport (clientWidth) stays the device width.
      const fit = await phone.page.evaluate(() => {
        const layout = document.documentElement.clientWidth;
        // Content that scrolls inside its own box (a wide table) does not widen the page.
        const clipped = (el) => {
          for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
            if (getComputedStyle(up).overflowX !== 'visible') return true;
          }
          return false;
        };
        const wide = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > layout + 0.5 && !clipped(el))
          .slice(0, 3)
          .map((el) => {
            const classes = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean);
            return `${el.localName}${el.id ? `#${el.id}` : ''}${classes.map((c) => `.${c}`).join('')}`;
          });
        return { layout, inner: window.innerWidth, scrollWidth: document.documentElement.scrollWidth, wide };
      });
      if (fit.layout !== PHONE.width) {
        problems.push(`laid out ${fit.layout} px wide, not ${PHONE.width}: is <meta name="viewport"> missing?`);
      } else if (fit.scrollWidth > fit.layout || fit.inner > fit.layout) {
        problems.push(`horizontal scroll at ${PHONE.width} px: content is ${Math.max(fit.scrollWidth, fit.inner)} px wide (${fit.wide.join(', ')})`);
      }
      for (const leak of phone.leaks) gates.leaks.push(`request to another origin (phone): ${leak}`);
      // What overflows at this width (a table, a code block) must stay usable from the keyboard.
      await guard('axe', async (axe) => {
        axe.push(...(await axeProblems(phone.page)).map((problem) => `at ${PHONE.width} px: ${problem}`));
      });
      if (shots) {
        await guard('screenshots', async () => {
          const file = `${shots}-360.png`;
          await phone.page.screenshot({ path: file, fullPage: true });
          files.push(file);
        });
      }
    } finally {
      await phone.context.close();
    }
  });

  return { gates, files: files.map((file) => path.relative(process.cwd(), file)) };
}

/** CSP violations, other console errors and warnings, and failed loads. */
function consoleProblems(messages, failures) {
  const problems = [];
  for (const message of messages) {
    if (/content[ -]security[ -]policy/i.test(message.text)) problems.push(`CSP violation: ${message.text}`);
    else if (message.type === 'error' || message.type === 'warning') problems.push(`console ${message.type}: ${message.text}`);
  }
  return problems.concat(failures);
}

/** axe-core's violations of the WCAG 2.0 and 2.1 A and AA rules, one line each. */
async function axeProblems(page) {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const problems = result.violations.map((violation) => {
    const nodes = violation.nodes.map((node) => node.target.join(' ')).slice(0, 3);
    return `${violation.id} (${violation.impact}): ${violation.help}; ${violation.nodes.length} node(s): ${nodes.join(', ')}`;
  });
  if (result.passes.length === 0) problems.push('axe ran no rule');
  return problems;
}

/**
 * A new context and page that record what the page does: requests to other origins (aborted,
 * so nothing leaves the machine), console messages, and failed or refused loads.
 */
async function openPage(browser, origin, options) {
  const context = await browser.newContext(options);
  const leaks = [];
  const messages = [];
  const failures = [];
  await context.route('**/*', (route) => {
    const requested = route.request().url();
    if (sameOrigin(requested, origin)) return route.continue();
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => {
    if (!sameOrigin(request.url(), origin)) leaks.push(request.url());
  });
  const page = await context.newPage();
  page.on('websocket', (socket) => leaks.push(socket.url()));
  page.on('console', (message) => messages.push({ type: message.type(), text: message.text() }));
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (sameOrigin(request.url(), origin)) failures.push(`load failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { context, page, leaks, messages, failures };
}

function sameOrigin(url, origin) {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** Resource hints that would contact another host without a request event (DNS prefetch, preconnect). */
async function hintsElsewhere(page, origin) {
  const hints = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel]')]
      .filter((link) => /\b(dns-prefetch|preconnect|prefetch|preload|modulepreload|prerender)\b/i.test(link.rel))
      .map((link) => ({ rel: link.rel, href: link.href })),
  );
  return hints
    .filter((hint) => !sameOrigin(hint.href, origin))
    .map((hint) => `<link rel="${hint.rel}"> to another origin: ${hint.href}`);
}
