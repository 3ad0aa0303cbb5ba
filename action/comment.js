// The comment step of the notice action (action.yml runs it with actions/github-script; the
// content-repository CI test runs it with node and a stand-in client). It writes the full
// report to the job summary, then posts it as ONE pull-request comment, found again on every
// push by its hidden marker and updated in place. A token that may not comment (pull requests
// from forks get a read-only one: 403) leaves the report in the job summary and the job green.
'use strict';
const fs = require('fs');

const MARKER = '<!-- notice-diff -->';
/** GitHub refuses a comment body longer than this many characters. */
const LIMIT = 65536;

/**
 * The body cut at a line boundary to fit a comment, with a note that the whole report is in
 * the job summary. A backstop: `notice diff` keeps its own report short; this keeps the step
 * from failing when it is not.
 */
function fitted(body, context) {
  if (body.length <= LIMIT) return body;
  const run = context.runId ? ` (${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId})` : '';
  const note = `\n\n**Cut short:** the report is longer than a GitHub comment allows; the full report is in this run's job summary${run}.\n`;
  const cut = body.lastIndexOf('\n', LIMIT - note.length);
  return body.slice(0, cut > 0 ? cut : LIMIT - note.length) + note;
}

module.exports = async function comment({ github, context, core, bodyFile, summaryFile, post }) {
  let body = fs.readFileSync(bodyFile, 'utf8');
  if (!body.includes(MARKER)) body = `${MARKER}\n${body}`;
  const summary = (text) => { if (summaryFile) fs.appendFileSync(summaryFile, text); };
  summary(body);
  if (!post) return 'summary';
  body = fitted(body, context);
  const { owner, repo } = context.repo;
  const issue_number = context.issue.number;
  try {
    const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number });
    const previous = comments.find((c) => c.user && c.user.type === 'Bot' && (c.body || '').includes(MARKER));
    if (previous) {
      await github.rest.issues.updateComment({ owner, repo, comment_id: previous.id, body });
      return 'updated';
    }
    await github.rest.issues.createComment({ owner, repo, issue_number, body });
    return 'created';
  } catch (error) {
    if (error.status !== 403) throw error;
    const why = 'notice: this token cannot comment on the pull request (a pull request from a fork has a read-only token); the report is in the job summary.';
    core.warning(why);
    summary(`\n> ${why}\n`);
    return 'summary';
  }
};
module.exports.LIMIT = LIMIT;
