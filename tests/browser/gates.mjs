#!/usr/bin/env node
// Real-browser quality gates for a built site (README: Browser checks).
//
//   node tests/browser/gates.mjs [--site DIR] [--netlify FILE] [--screenshots DIR]
//   node tests/browser/gates.mjs --self-test [--site DIR] [--netlify FILE]
//   node tests/browser/gates.mjs [--self-test] --host DIR --page REL [--page REL ...]
//                                [--axe-exclude SELECTOR ...]
//
// The first form runs the seven gates on every page under the site directory and exits 1 on any
// failure. The second injects one defect per gate into copies of a built page and exits 1 unless
// each gate catches its defect (and a clean copy passes every gate). The third checks notices
// embedded in another generator's output (DIR, with the pages REL under it) with the host gates:
// Nu, axe, anchors, duplicate ids and notice-embed.css in force; with --self-test, its defects
// are injected into copies of the first page; --axe-exclude leaves the host's own known-bad
// markup out of axe's run. Exit 2: nothing was checked.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BROWSER_GATES, checkPage, launchChromium } from './lib/browser.mjs';
import { checkHostPage, HOST_GATES, hostDefects, hostPages } from './lib/host.mjs';
import { readNetlifyHeaders } from './lib/headers.mjs';
import { nuCheck } from './lib/nu.mjs';
import { coverageProblems, discoverPages, PAGE_TYPES } from './lib/pages.mjs';
import { startServer } from './lib/server.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GATES = ['nu', ...BROWSER_GATES];
const GATE_TITLES = {
  nu: '1 valid HTML (Nu HTML Checker)',
  axe: '2 accessible (axe-core: wcag2a, wcag2aa, wcag21a, wcag21aa)',
  leaks: '3 leaks nothing (requests, cookies, storage)',
  csp: '4 strict CSP holds (netlify.toml headers, console, styled)',
  anchors: '5 anchors work (every TOC entry)',
  mobile: '6 no horizontal scroll at 360 px',
  print: '6 print hides navigation and self-links; page.pdf()',
  screenshots: '7 screenshots (desktop and 360 px)',
  ids: 'no id used twice (host and notices together)',
  embed: 'notice-embed.css in force: hidden texts clipped, sections styled',
};
// The page gates on our own site, and the host gates on a page of another generator's.
const SITE = { gates: GATES, browserGates: BROWSER_GATES, check: checkPage };
const HOST = { gates: ['nu', ...HOST_GATES], browserGates: HOST_GATES, check: checkHostPage };

// A valid 1x1 PNG, so that the image-without-alt defect loads from the page's own origin.
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
// Undoes the print stylesheet's hiding, for the print defect.
const SHOW_IN_PRINT_CSS = '@media print { body nav.toc, body .page-header, body a.self-link { display: block !important; } }\n';

const OPTIONS = {
  site: { type: 'string', default: path.join(REPO, 'site') },
  netlify: { type: 'string', default: path.join(REPO, 'netlify.toml') },
  screenshots: { type: 'string', default: path.join(REPO, 'tests', 'screenshots') },
  host: { type: 'string' },
  page: { type: 'string', multiple: true, default: [] },
  'axe-exclude': { type: 'string', multiple: true, default: [] },
  'self-test': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
};

let options;
try {
  ({ values: options } = parseArgs({ options: OPTIONS }));
} catch (error) {
  console.error(`error: ${error.message} (see --help)`);
  process.exit(2);
}

if (options.help) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 15).join('\n').replace(/^\/\/ ?/gm, ''));
  process.exit(0);
}

let failed;
try {
  if (options.host) failed = options['self-test'] ? await hostSelfTest(options) : await runHostGates(options);
  else failed = options['self-test'] ? await selfTest(options) : await runGates(options);
} catch (error) {
  // A broken netlify.toml, a missing site directory: nothing was checked, so nothing passed.
  console.error(`error: ${error.message}`);
  process.exit(2);
}
process.exit(failed > 0 ? 1 : 0);

/** Runs every gate on every page; resolves to the number of failed checks. */
async function runGates({ site, netlify, screenshots }) {
  const rules = readNetlifyHeaders(netlify);
  const pages = discoverPages(site);
  const languages = [...new Set(pages.map((p) => p.lang))];
  const counts = PAGE_TYPES.map((type) => `${type} ${pages.filter((p) => p.type === type).length}`);
  console.log(`Browser checks: ${pages.length} pages in ${path.relative(process.cwd(), site) || '.'} (${counts.join(', ')}); languages ${languages.join(', ')}`);
  console.log(`Headers from ${path.relative(process.cwd(), netlify)}: ${rules.map((r) => `${r.for} → ${Object.keys(r.values).join(', ')}`).join('; ')}`);

  // Gate 7: the first page of each type in each language, desktop and phone.
  mkdirSync(screenshots, { recursive: true });
  for (const file of readdirSync(screenshots)) {
    if (/\.(png|pdf)$/.test(file)) rmSync(path.join(screenshots, file));
  }
  const shotNames = new Map();
  for (const page of pages) {
    const name = `${page.type}-${page.lang}`;
    if (page.type && page.lang && ![...shotNames.values()].includes(name)) shotNames.set(page, name);
  }

  const results = await runPages(pages, rules, site, (page) =>
    shotNames.has(page) ? path.join(screenshots, shotNames.get(page)) : null,
  );
  const coverage = coverageProblems(pages);
  return report(results, coverage, 'gates');
}

/** The host gates on the given pages of another generator's output; resolves to the failures. */
async function runHostGates({ host, page: rels, 'axe-exclude': axeExclude }) {
  const pages = hostPages(host, rels);
  console.log(`Host checks: ${pages.length} page(s) in ${path.relative(process.cwd(), host) || '.'}`);
  if (axeExclude.length) console.log(`axe leaves out the host's own: ${axeExclude.join(', ')}`);
  const kind = { ...HOST, check: (browser, args) => checkHostPage(browser, { ...args, axeExclude }) };
  const results = await runPages(pages, [], host, () => null, { kind });
  return report(results, [], 'host gates', HOST.gates);
}

/** Gate 1 for all pages in one checker run, beside gates 2-7 page by page. */
async function runPages(pages, rules, siteDir, shotsFor, { defects = false, kind = SITE } = {}) {
  const nu = nuCheck(pages.map((page) => page.file));
  const server = await startServer(siteDir, rules);
  const results = [];
  let browser;
  try {
    browser = await launchChromium();
    for (const page of pages) {
      let outcome;
      try {
        outcome = await kind.check(browser, { origin: server.origin, headerRules: rules, page, shots: shotsFor(page) });
      } catch (error) {
        outcome = { gates: allBrowserGates(kind, `could not check: ${error.message.split('\n')[0]}`), files: [] };
      }
      results.push({ page, ...outcome });
      const bad = kind.browserGates.filter((gate) => outcome.gates[gate]?.length);
      if (defects) console.log(`  checked ${page.urlPath}${bad.length ? `  (failing: ${bad.join(', ')})` : ''}`);
      else console.log(`  ${bad.length ? 'FAIL' : 'ok  '} ${page.urlPath}${bad.length ? `  (${bad.join(', ')})` : ''}`);
    }
  } catch (error) {
    // No browser: every browser gate fails on every page; a missing tool is never a skip.
    for (const page of pages.slice(results.length)) {
      results.push({ page, gates: allBrowserGates(kind, `Chromium could not run: ${error.message.split('\n')[0]}`), files: [] });
    }
  } finally {
    await browser?.close();
    await server.close();
  }
  const nuProblems = await nu;
  for (const result of results) result.gates.nu = nuProblems.get(path.resolve(result.page.file)) ?? [];
  return results;
}

function allBrowserGates(kind, problem) {
  return Object.fromEntries(kind.browserGates.map((gate) => [gate, [problem]]));
}

/** Prints the per-gate, per-page table and every problem; returns the number of failed checks. */
function report(results, coverage, label, gates = GATES) {
  const rows = results.map(({ page, gates: result }) => [
    page.urlPath,
    page.type ?? '?',
    page.lang ?? '?',
    ...gates.map((gate) => (result[gate] === null || result[gate] === undefined ? '-' : result[gate].length ? 'FAIL' : 'ok')),
  ]);
  const header = ['page', 'type', 'lang', ...gates];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  console.log('');
  for (const gate of gates) console.log(`  ${gate.padEnd(11)} gate ${GATE_TITLES[gate]}`);
  console.log('');
  console.log(line(header));
  for (const row of rows) console.log(line(row));

  let passed = 0;
  let failed = 0;
  const details = [];
  for (const { page, gates: result } of results) {
    for (const gate of gates) {
      const problems = result[gate];
      if (problems === null || problems === undefined) continue;
      if (problems.length === 0) passed++;
      else {
        failed++;
        for (const problem of problems) details.push(`  ${page.urlPath} [${gate}] ${problem}`);
      }
    }
  }
  if (coverage.length === 0) passed++;
  else {
    failed++;
    for (const problem of coverage) details.push(`  coverage: ${problem}`);
  }
  const files = results.flatMap((r) => r.files);
  if (files.length) console.log(`\nScreenshots and PDFs for a person to look at (not committed):\n${files.map((f) => `  ${f}`).join('\n')}`);
  if (details.length) console.log(`\nFailures:\n${details.join('\n')}`);
  console.log(`\n${label}: ${passed} passed, ${failed} failed`);
  return failed;
}

/**
 * Each gate bites: one defect per gate, each in its own copy of a built notice page, must make
 * that gate fail with the problem the defect causes; an untouched copy must pass every gate.
 * Resolves to the number of failures.
 */
async function selfTest({ site, netlify }) {
  const rules = readNetlifyHeaders(netlify);
  const source = discoverPages(site).find((page) => page.type === 'notice');
  if (!source) {
    console.log(`self-test: no notice page under ${site}; build the site first\nself-test: 0 passed, 1 failed`);
    return 1;
  }
  const root = '../'.repeat(source.rel.split('/').length - 1);
  const defects = [
    { name: 'clean copy', gate: null },
    {
      name: 'duplicate id',
      gate: 'nu',
      expect: /Duplicate ID/,
      inject: (html) => html.replace('</main>', '<p id="main">A second element with the id main.</p>\n</main>'),
    },
    {
      name: 'image without alt text',
      gate: 'axe',
      expect: /^image-alt /,
      inject: (html) => html.replace('</main>', `<p><img src="${root}assets/self-test.png" width="1" height="1"></p>\n</main>`),
    },
    {
      name: 'third-party image',
      gate: 'leaks',
      expect: /example\.invalid/,
      inject: (html) => html.replace('</main>', '<p><img src="https://example.invalid/pixel.png" alt=""></p>\n</main>'),
    },
    {
      name: 'inline script',
      gate: 'csp',
      expect: /^CSP violation: .*inline script/i,
      inject: (html) => html.replace('</body>', '<script>document.documentElement.dataset.ran = "yes";</script>\n</body>'),
    },
    // Beyond the four defects the issue names: the remaining page gates bite too.
    {
      name: 'dead TOC entry',
      gate: 'anchors',
      expect: /^#no-such-section: no element/,
      inject: (html) => html.replace('</ol>\n</nav>', '<li><a href="#no-such-section">A dead entry</a></li>\n</ol>\n</nav>'),
    },
    {
      name: 'element wider than a phone',
      gate: 'mobile',
      expect: /^horizontal scroll at 360 px/,
      inject: (html) => html.replace('</main>', `<p><img src="${root}assets/self-test.png" alt="" width="800" height="1"></p>\n</main>`),
    },
    {
      name: 'print stylesheet that shows navigation',
      gate: 'print',
      expect: /navigation element\(s\) printed/,
      inject: (html) => html.replace('</head>', `<link rel="stylesheet" href="${root}assets/self-test.css">\n</head>`),
    },
  ];

  return runDefects(source, defects, {
    rules,
    kind: SITE,
    prepare: (dir) => {
      cpSync(path.join(site, 'assets'), path.join(dir, 'assets'), { recursive: true });
      writeFileSync(path.join(dir, 'assets', 'self-test.png'), PIXEL_PNG);
      writeFileSync(path.join(dir, 'assets', 'self-test.css'), SHOW_IN_PRINT_CSS);
    },
  });
}

/**
 * The host gates bite: their defects (an unstyled embed among them) go into copies of the first
 * host page, each beside a copy of the whole host output. Resolves to the number of failures.
 */
async function hostSelfTest({ host, page: rels, 'axe-exclude': axeExclude }) {
  const [source] = hostPages(host, rels);
  return runDefects(source, hostDefects(), {
    rules: [],
    kind: { ...HOST, check: (browser, args) => checkHostPage(browser, { ...args, axeExclude }) },
    prepare: (dir) => cpSync(host, dir, { recursive: true }),
  });
}

/**
 * Each defect in its own copy of `source` (beside what `prepare` puts in its folder), checked
 * with `kind`'s gates: the defect's gate must fail as `expect` says, a clean copy must pass all.
 */
async function runDefects(source, defects, { rules, kind, prepare }) {
  const original = readFileSync(source.file, 'utf8');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'notice-gates-'));
  console.log(`Self-test: defects injected into copies of ${source.rel}, in ${tmp}`);
  let passed = 0;
  let failed = 0;
  try {
    const pages = defects.map((defect, i) => {
      const dir = `${i}-${defect.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
      const html = defect.inject ? defect.inject(original) : original;
      if (defect.inject && html === original) throw new Error(`could not inject: ${defect.name}`);
      const file = path.join(tmp, dir, source.rel);
      prepare(path.join(tmp, dir));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, html);
      return { ...source, file, rel: `${dir}/${source.rel}`, urlPath: `/${dir}${source.urlPath}` };
    });
    const results = await runPages(pages, rules, tmp, () => null, { defects: true, kind });
    console.log('');
    results.forEach(({ gates }, i) => {
      const defect = defects[i];
      const failing = kind.gates.filter((gate) => gates[gate]?.length);
      let ok;
      let said;
      if (defect.gate === null) {
        ok = failing.length === 0;
        said = ok ? 'passes every gate' : `fails ${failing.join(', ')}: ${failing.map((g) => gates[g][0]).join(' | ')}`;
      } else {
        const hit = gates[defect.gate].find((problem) => defect.expect.test(problem));
        ok = Boolean(hit);
        said = ok
          ? `${defect.gate} fails as it should: ${hit}`
          : `${defect.gate} did not catch it (${gates[defect.gate].join(' | ') || 'passed'})`;
        const others = failing.filter((gate) => gate !== defect.gate);
        if (others.length) said += ` [also failing: ${others.join(', ')}]`;
      }
      if (ok) passed++;
      else failed++;
      console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${defect.name}: ${said}`);
    });
  } catch (error) {
    failed++;
    console.log(`  FAIL ${error.message}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`\nself-test: ${passed} passed, ${failed} failed`);
  return failed;
}

