// Runs the in-host suite (test/vscode/suite, bundled to dist/test/suite/index.js) inside the
// extension host of a real VS Code: code-server loads it as `extensionTestsPath`, with the
// repository as `extensionDevelopmentPath` (as @vscode/test-electron would), and the workbench
// reports the suite's result by calling window.codeAutomationExit(code).
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { CodeServer, Workbench, repoRoot, resultsDir } from './harness';

const suite = join(repoRoot, 'dist', 'test', 'suite', 'index.js');
const fixtures = ['daily-papers-2023-12-04.md', 'daily-papers-2023-12-29.md', 'daily-papers-2024-01-11.md'];

it('the in-host suite passes in the extension host of code-server', async () => {
  assert.ok(existsSync(suite), `${suite} is missing: run npm run build:inhost first`);
  assert.ok(existsSync(join(repoRoot, 'dist', 'extension.js')), 'dist/extension.js is missing: run npm run build first');
  const log = join(resultsDir, 'inhost.log');
  rmSync(log, { force: true });
  const server = await CodeServer.start({ label: 'inhost-code-server', env: { DIGEST_INHOST_LOG: log }, settings: { 'digest.trace.server': process.env.E2E_TRACE ?? 'off' } });
  let wb: Workbench | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const workspace = server.dir('workspace');
    for (const name of fixtures) cpSync(join(repoRoot, 'test', 'fixtures', name), join(workspace, name));
    const exitCode = new Promise<number>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error('the in-host suite did not finish within 180 s')), 180_000);
      void Workbench.open(server, {
        folder: workspace,
        payload: [
          ['extensionDevelopmentPath', server.remoteUri(repoRoot)],
          ['extensionTestsPath', server.remoteUri(suite)],
        ],
        onAutomationExit: resolve,
      }).then((w) => (wb = w), reject);
    });
    const code = await exitCode;
    const output = existsSync(log) ? readFileSync(log, 'utf8') : '(the suite wrote no log)';
    console.log(output.replace(/^/gm, '  '));
    assert.equal(code, 0, `the in-host suite exited with ${code}`);
  } finally {
    clearTimeout(timer);
    await wb?.screenshot('inhost').catch(() => undefined);
    await wb?.close();
    await server.stop();
  }
});
