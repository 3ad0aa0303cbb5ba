// Runs the action's comment step (action/comment.js) against a stand-in GitHub client:
// a first push creates the comment, a second updates the same one, and a token that may
// not comment (403, as on pull requests from forks) leaves the report in the job summary
// without failing. Usage: node comment_test.js <report.md> <scratch folder>
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const comment = require('../../../action/comment.js');

const [bodyFile, scratch] = process.argv.slice(2);
const context = { repo: { owner: 'agency', repo: 'notices' }, issue: { number: 7 } };
const warnings = [];
const core = { warning: (text) => warnings.push(text), info: () => {} };

function client({ refuse }) {
  const comments = [{ id: 1, user: { type: 'User' }, body: 'LGTM' }];
  const calls = [];
  const rest = {
    issues: {
      listComments: 'listComments',
      async createComment({ body }) {
        calls.push('create');
        if (refuse) throw Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
        comments.push({ id: comments.length + 1, user: { type: 'Bot' }, body });
      },
      async updateComment({ comment_id, body }) {
        calls.push(`update ${comment_id}`);
        comments.find((c) => c.id === comment_id).body = body;
      },
    },
  };
  return { rest, calls, comments, paginate: async () => comments.slice() };
}

(async () => {
  const report = fs.readFileSync(bodyFile, 'utf8');
  const run = (github, summaryFile) =>
    comment({ github, context, core, bodyFile, summaryFile, post: true });

  const github = client({ refuse: false });
  const summary = path.join(scratch, 'summary-ok.md');
  assert.strictEqual(await run(github, summary), 'created');
  assert.strictEqual(await run(github, summary), 'updated');
  assert.deepStrictEqual(github.calls, ['create', 'update 2'], 'one sticky comment, updated in place');
  assert.strictEqual(github.comments.length, 2);
  assert.ok(github.comments[1].body.startsWith('<!-- notice-diff -->'), 'the marker it is found by');
  assert.ok(github.comments[1].body.includes(report.trim()), 'the comment is the report');

  const fork = client({ refuse: true });
  const forkSummary = path.join(scratch, 'summary-fork.md');
  assert.strictEqual(await run(fork, forkSummary), 'summary', 'a refused comment does not fail the step');
  const written = fs.readFileSync(forkSummary, 'utf8');
  assert.ok(written.includes(report.trim()), 'the job summary holds the report');
  assert.ok(written.includes('cannot comment'), 'and says why there is no comment');
  assert.strictEqual(warnings.length, 1);

  // A report too long for a comment: the comment is cut to fit and says so; the summary is whole.
  const long = path.join(scratch, 'long.md');
  let text = report;
  while (text.length <= comment.LIMIT) text += report;
  fs.writeFileSync(long, text);
  const big = client({ refuse: false });
  const bigSummary = path.join(scratch, 'summary-long.md');
  const outcome = await comment({ github: big, context: { ...context, runId: 42, serverUrl: 'https://github.com' }, core, bodyFile: long, summaryFile: bigSummary, post: true });
  assert.strictEqual(outcome, 'created');
  const posted = big.comments[1].body;
  assert.ok(posted.length <= comment.LIMIT, `a comment of ${posted.length} characters`);
  assert.ok(posted.includes('Cut short') && posted.includes('/agency/notices/actions/runs/42'), 'names where the rest is');
  assert.ok(fs.readFileSync(bigSummary, 'utf8').includes(text), 'the job summary holds all of it');
  console.log('comment step: created, updated in place, 403 falls back to the job summary, long reports fit');
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
