// notice for Eleventy (2 and 3): runs `notice export --format json` before every build, rebuilds
// when the notice project's content/ changes, and gives templates the notices as global data
// `notices`, a `notice` shortcode and a `noticeStyle` shortcode (notice-embed.css, for <head>).
//
//   npm install --save-dev <path or git URL of the notice repository>/themes/eleventy
//   // eleventy.config.cjs
//   const notice = require("notice-eleventy");
//   module.exports = (eleventyConfig) => { eleventyConfig.addPlugin(notice, { root: "../privacy" }); };
//
// Options: `root` (the notice project, default "."), `binary` (the notice binary, default
// $NOTICE_BIN or "notice" on the PATH), `output` (where the JSON goes, default
// ".notice/export.json", ignored by --watch), `drafts` (show unreleased changes),
// `headingLevel` (1-3), `noTitle`, `idPrefix` (e.g. "notice-{site}-"), as `notice export`'s
// --drafts, --heading-level, --no-title and --id-prefix.
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const INSTALL =
  "install notice (from its repository: `cargo install --path compiler/cli --locked`) or set the plugin's `binary` option (or NOTICE_BIN) to its path";

function exportArgs(options, root, output) {
  const args = ["export", "--format", "json", "--root", root, "--out", output];
  if (options.drafts) args.push("--drafts");
  if (options.headingLevel != null) args.push("--heading-level", String(options.headingLevel));
  if (options.noTitle) args.push("--no-title");
  if (options.idPrefix) args.push("--id-prefix", options.idPrefix);
  return args;
}

module.exports = function noticePlugin(eleventyConfig, options = {}) {
  const root = options.root ?? ".";
  const bin = options.binary ?? options.bin ?? process.env.NOTICE_BIN ?? "notice";
  const output = options.output ?? ".notice/export.json";

  const exportNotices = () => {
    fs.mkdirSync(path.dirname(output), { recursive: true });
    try {
      execFileSync(bin, exportArgs(options, root, output), { stdio: "inherit" });
    } catch (error) {
      if (error.code === "ENOENT") {
        throw new Error(`notice: the notice binary \`${bin}\` was not found: ${INSTALL}`);
      }
      // notice has printed what is wrong (an unknown site, a language, bad data) above.
      throw new Error(`notice: \`${bin} ${exportArgs(options, root, output).join(" ")}\` failed (exit ${error.status}); see its message above`);
    }
  };
  const load = () => JSON.parse(fs.readFileSync(output, "utf8"));

  eleventyConfig.on("eleventy.before", exportNotices);
  eleventyConfig.addWatchTarget(path.join(root, "content/"));
  // The export is written on every build: watching it would rebuild forever.
  eleventyConfig.watchIgnores.add(path.join(path.dirname(output), "**"));
  eleventyConfig.addGlobalData("notices", () => {
    if (!fs.existsSync(output)) exportNotices();
    return load();
  });
  eleventyConfig.addShortcode("notice", (site, lang) => {
    const data = load();
    const entry = data.sites.find((s) => s.site === site);
    if (!entry) {
      throw new Error(`notice: no site named \`${site}\`; its sites: ${data.sites.map((s) => s.site).join(", ")}`);
    }
    const code = lang ?? entry.primary_language;
    const page = entry.pages[code];
    if (!page) {
      throw new Error(`notice: \`${site}\` is not exported in \`${code}\`; its languages: ${Object.keys(entry.pages).join(", ")}`);
    }
    return page.html;
  });
  eleventyConfig.addShortcode("noticeStyle", () => `<style>${load().stylesheet}</style>`);
};
