// notice for Eleventy: runs `notice export` before every build, rebuilds when content/ changes,
// and gives templates the notices as global data `notices` and a `notice` shortcode.
//
//   const notice = require("./themes/eleventy/notice.cjs");
//   module.exports = (eleventyConfig) => { eleventyConfig.addPlugin(notice, { root: "." }); };
//
// Options: `root` (the notice project, default "."), `bin` (the notice binary, default "notice"
// or $NOTICE_BIN), `output` (where the JSON goes, default ".notice/export.json").
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

module.exports = function noticePlugin(eleventyConfig, options = {}) {
  const root = options.root ?? ".";
  const bin = options.bin ?? process.env.NOTICE_BIN ?? "notice";
  const output = options.output ?? ".notice/export.json";

  const exportNotices = () => {
    fs.mkdirSync(path.dirname(output), { recursive: true });
    execFileSync(bin, ["export", "--format", "json", "--root", root, "--out", output], { stdio: "inherit" });
  };
  const load = () => JSON.parse(fs.readFileSync(output, "utf8"));

  eleventyConfig.on("eleventy.before", exportNotices);
  eleventyConfig.addWatchTarget(path.join(root, "content/"));
  eleventyConfig.addGlobalData("notices", () => {
    if (!fs.existsSync(output)) exportNotices();
    return load();
  });
  eleventyConfig.addShortcode("notice", (site, lang) => {
    const entry = load().sites.find((s) => s.site === site);
    if (!entry) throw new Error(`notice: no site named ${site}`);
    const page = entry.pages[lang ?? entry.primary_language];
    if (!page) throw new Error(`notice: ${site} is not published in ${lang}`);
    return page.html;
  });
};
