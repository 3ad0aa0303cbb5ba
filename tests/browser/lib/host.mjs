// Gates for notices embedded in another generator's pages (Hugo, Eleventy, mdBook): the host's
// layout, headers and scripts are not ours, so the gates here are those an embed must pass
// wherever it lands: accessible, anchors that work, no duplicate id, and notice-embed.css in force.
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { AXE_TAGS } from './browser.mjs';

export const HOST_GATES = ['axe', 'anchors', 'ids', 'embed'];

const DESKTOP = { width: 1280, height: 800 };
const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/** The pages to check, relative to `dir`, as gates.mjs's page records. */
export function hostPages(dir, rels) {
  const root = path.resolve(dir);
  if (rels.length === 0) throw new Error('--host needs at least one --page');
  return rels.map((rel) => {
    const file = path.join(root, rel);
    if (!existsSync(file)) throw new Error(`${file}: no such page`);
    const html = readFileSync(file, 'utf8');
    return {
      file,
      rel,
      urlPath: `/${rel.replace(/(^|\/)index\.html$/, '$1')}`,
      type: 'host',
      lang: /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? null,
    };
  });
}

/**
 * Runs the host gates on one page; resolves to `{ gates, files }` as checkPage does. axe skips
 * the elements matching `axeExclude`: the host's own markup that we do not make and cannot fix.
 */
export async function checkHostPage(browser, { origin, page: info, axeExclude = [] }) {
  const gates = Object.fromEntries(HOST_GATES.map((gate) => [gate, []]));
  const context = await browser.newContext({ viewport: DESKTOP });
  const guard = async (gate, work) => {
    try {
      await work(gates[gate]);
    } catch (error) {
      gates[gate].push(`could not check: ${String(error.message ?? error).split('\n')[0]}`);
    }
  };
  try {
    const page = await context.newPage();
    await page.goto(origin + info.urlPath, { waitUntil: 'load' });
    await guard('ids', async (problems) => problems.push(...(await duplicateIds(page))));
    await guard('embed', async (problems) => problems.push(...(await embedProblems(page))));
    await guard('anchors', async (problems) => problems.push(...(await anchorProblems(page))));
    await guard('axe', async (problems) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      const axe = new AxeBuilder({ page }).withTags(AXE_TAGS);
      for (const selector of axeExclude) axe.exclude(selector);
      const result = await axe.analyze();
      for (const violation of result.violations) {
        const nodes = violation.nodes.map((node) => node.target.join(' ')).slice(0, 3);
        problems.push(`${violation.id} (${violation.impact}): ${violation.help}; ${violation.nodes.length} node(s): ${nodes.join(', ')}`);
      }
      if (result.passes.length === 0) problems.push('axe ran no rule');
    });
  } finally {
    await context.close();
  }
  return { gates, files: [] };
}

/** Every id used by more than one element of the rendered page (host and notices alike). */
async function duplicateIds(page) {
  const counts = await page.evaluate(() => {
    const seen = {};
    for (const el of document.querySelectorAll('[id]')) seen[el.id] = (seen[el.id] ?? 0) + 1;
    return seen;
  });
  return Object.entries(counts)
    .filter(([, n]) => n > 1)
    .map(([id, n]) => `id "${id}" used ${n} times`);
}

/**
 * notice-embed.css in force on every notice: each `.visually-hidden` text inside a `.notice` is
 * clipped to a 1 px box (else "Linkki tähän kohtaan" shows beside every heading), and each
 * notice's sections carry the stylesheet's scroll-margin-top (the browser's own is 0px).
 */
async function embedProblems(page) {
  const found = await page.evaluate(() => {
    const notices = [...document.querySelectorAll('.notice')].map((notice) => {
      const hidden = [...notice.querySelectorAll('.visually-hidden')];
      const shown = hidden.filter((el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        const clipped = style.clipPath !== 'none' || (style.clip !== 'auto' && style.clip !== '');
        return !(box.width <= 1 && box.height <= 1 && style.overflow === 'hidden' && clipped && style.position === 'absolute');
      });
      const sections = [...notice.querySelectorAll('section')];
      return {
        lang: notice.getAttribute('lang'),
        hidden: hidden.length,
        shown: shown.slice(0, 3).map((el) => el.textContent.trim()),
        shownCount: shown.length,
        sections: sections.length,
        unstyled: sections.filter((s) => getComputedStyle(s).scrollMarginTop === '0px').length,
      };
    });
    return notices;
  });
  const problems = [];
  if (found.length === 0) problems.push('no embedded notice (.notice) on the page');
  found.forEach((notice, i) => {
    const which = `notice ${i + 1} (lang ${notice.lang ?? 'missing'})`;
    if (!notice.lang) problems.push(`${which}: the wrapper has no lang`);
    if (notice.hidden === 0) problems.push(`${which}: no .visually-hidden text to check`);
    if (notice.shownCount) {
      problems.push(`${which}: ${notice.shownCount} of ${notice.hidden} hidden texts visible (${notice.shown.map((t) => JSON.stringify(t)).join(', ')}): is notice-embed.css in the page?`);
    }
    if (notice.sections === 0) problems.push(`${which}: no section`);
    else if (notice.unstyled) problems.push(`${which}: ${notice.unstyled} section(s) without notice-embed.css's scroll-margin-top`);
  });
  return problems;
}

/**
 * Each notice's TOC entries, clicked, bring their heading into view; every in-page link on the
 * page (the host's and the notices' self-links) names an element that exists.
 */
async function anchorProblems(page) {
  const problems = [];
  const links = page.locator('.notice nav.toc a[href^="#"]');
  const count = await links.count();
  if (count === 0) problems.push('no table of contents entries in the notices');
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
  const dead = await page.evaluate(() =>
    [...document.querySelectorAll('a[href^="#"]')]
      .map((a) => decodeURIComponent(a.getAttribute('href').slice(1)))
      .filter((id) => id !== '' && !document.getElementById(id)),
  );
  for (const id of [...new Set(dead)]) problems.push(`#${id}: a link on the page names no element`);
  return problems;
}

/** One defect per host gate, each injected into a copy of a host page. */
export function hostDefects() {
  return [
    { name: 'clean copy', gate: null },
    {
      name: 'unstyled embed',
      gate: 'embed',
      expect: /hidden texts visible/,
      // The page without notice-embed.css: Hugo and Eleventy inline it, mdBook links it.
      inject: (html) =>
        html
          .replace(/<style[^>]*>(?:(?!<\/style>)[^])*\.notice \.visually-hidden(?:(?!<\/style>)[^])*<\/style>/g, '')
          .replace(/<link[^>]*notice-embed(-[0-9a-f]+)?\.css[^>]*>/g, ''),
    },
    {
      name: 'duplicate id',
      gate: 'ids',
      expect: /^id "oikeudet" used 2 times/,
      inject: (html) => html.replace(/(<div class="notice"[^>]*>)/, '$1<p id="oikeudet">A second oikeudet.</p>'),
    },
    {
      name: 'dead TOC entry',
      gate: 'anchors',
      expect: /^#no-such-section: no element/,
      inject: (html) => html.replace(/(<nav class="toc"(?:(?!<\/nav>)[^])*)<\/nav>/, '$1<a href="#no-such-section">A dead entry</a></nav>'),
    },
    {
      name: 'image without alt text',
      gate: 'axe',
      expect: /^image-alt /,
      inject: (html) => html.replace(/(<div class="notice"[^>]*>)/, '$1<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==" width="1" height="1">'),
    },
  ];
}
