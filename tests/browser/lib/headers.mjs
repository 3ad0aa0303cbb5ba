// The response headers that netlify.toml declares, so the local server sends exactly what Netlify
// sends and the two cannot drift.
import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';

/**
 * Reads the `[[headers]]` rules of a netlify.toml: `[{ for, pattern, values }]`, where `values`
 * maps each header name to its value.
 */
export function readNetlifyHeaders(file) {
  const config = parse(readFileSync(file, 'utf8'));
  const rules = config.headers ?? [];
  if (!Array.isArray(rules)) {
    throw new Error(`${file}: \`headers\` must be an array of tables ([[headers]])`);
  }
  return rules.map((rule, i) => {
    const where = `${file}: [[headers]] #${i + 1}`;
    if (typeof rule.for !== 'string' || !rule.for.startsWith('/')) {
      throw new Error(`${where}: \`for\` must be a path starting with "/"`);
    }
    if (rule.values === null || typeof rule.values !== 'object' || Array.isArray(rule.values)) {
      throw new Error(`${where}: [headers.values] must be a table`);
    }
    const values = {};
    for (const [name, value] of Object.entries(rule.values)) {
      // Netlify joins the values of a multi-value header with ", ".
      const text = Array.isArray(value) ? value.map(String).join(', ') : String(value);
      if (/[\r\n]/.test(text)) {
        throw new Error(`${where}: header ${name} spans lines; this server does not know how Netlify folds it`);
      }
      values[name] = text;
    }
    return { for: rule.for, pattern: netlifyPathPattern(rule.for), values };
  });
}

/**
 * A Netlify path pattern as a RegExp: `*` (a splat) matches the rest of the path, `:name` one
 * path segment, everything else itself.
 */
export function netlifyPathPattern(path) {
  let source = '';
  for (const part of path.split(/(\*|:[A-Za-z0-9_]+)/)) {
    if (part === '*') source += '.*';
    else if (part.startsWith(':')) source += '[^/]+';
    else source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * The headers for a request path: every matching rule applies, in file order; a header set by
 * more than one rule gets their values joined with ", ", as Netlify does.
 */
export function headersFor(rules, pathname) {
  const headers = new Map();
  for (const rule of rules) {
    if (!rule.pattern.test(pathname)) continue;
    for (const [name, value] of Object.entries(rule.values)) {
      const key = name.toLowerCase();
      const previous = headers.get(key);
      headers.set(key, previous ? { name: previous.name, value: `${previous.value}, ${value}` } : { name, value });
    }
  }
  return Object.fromEntries([...headers.values()].map(({ name, value }) => [name, value]));
}
