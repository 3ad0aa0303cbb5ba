// Finds every HTML page of a built site and names its type, so that every page type in every
// language is checked without a list to keep up to date.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const PAGE_TYPES = ['index', 'notice', 'changes', 'archived'];

/**
 * The page type of a path relative to the site root, or null for a path no known type has:
 * `index.html`, `<site>/[<lang>/]index.html`, `<site>/[<lang>/]changes/index.html`,
 * `<site>/versions/<version>/[<lang>/]index.html`.
 */
export function pageType(rel) {
  const parts = rel.split('/');
  if (parts.at(-1) !== 'index.html') return null;
  const dirs = parts.slice(0, -1);
  if (dirs.length === 0) return 'index';
  if (dirs.length === 1) return 'notice';
  if (dirs[1] === 'versions') return dirs.length === 3 || dirs.length === 4 ? 'archived' : null;
  if (dirs.at(-1) === 'changes') return dirs.length === 2 || dirs.length === 3 ? 'changes' : null;
  return dirs.length === 2 ? 'notice' : null;
}

/** Every `*.html` file under `siteDir`, sorted: `{ file, rel, urlPath, type, lang }`. */
export function discoverPages(siteDir) {
  const root = path.resolve(siteDir);
  const pages = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.html')) {
        const rel = path.relative(root, full).split(path.sep).join('/');
        const html = readFileSync(full, 'utf8');
        pages.push({
          file: full,
          rel,
          // The address a reader uses: the directory, as the canonical links have it.
          urlPath: `/${rel.replace(/(^|\/)index\.html$/, '$1')}`,
          type: pageType(rel),
          lang: /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? null,
        });
      }
    }
  };
  walk(root);
  return pages.sort((a, b) => a.rel.localeCompare(b.rel));
}

/**
 * Coverage problems: a page of unknown type, a page type with no page, or a page type missing
 * in a language that the notices are published in. Empty when coverage is complete.
 */
export function coverageProblems(pages) {
  const problems = [];
  for (const page of pages) {
    if (!page.type) problems.push(`${page.rel}: unknown page type (teach tests/browser/lib/pages.mjs about it)`);
    if (!page.lang) problems.push(`${page.rel}: no <html lang>`);
  }
  const languages = new Set(pages.filter((p) => p.type === 'notice').map((p) => p.lang));
  for (const type of PAGE_TYPES) {
    const ofType = pages.filter((p) => p.type === type);
    if (ofType.length === 0) {
      problems.push(`no ${type} page found`);
      continue;
    }
    if (type === 'index') continue;
    const have = new Set(ofType.map((p) => p.lang));
    for (const lang of languages) {
      if (!have.has(lang)) problems.push(`no ${type} page in language ${lang}`);
    }
  }
  return problems;
}
