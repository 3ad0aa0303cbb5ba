// A small Eleventy site embedding one example notice through themes/eleventy (see tests/integrations/run).
const notice = require("../../../themes/eleventy/notice.cjs");

module.exports = function (eleventyConfig) {
  eleventyConfig.addPlugin(notice, { root: "../../..", output: ".notice/export.json" });
  return { dir: { input: "src", output: "_site" } };
};
