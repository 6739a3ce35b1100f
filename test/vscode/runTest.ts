// Runs the in-host suite (test/vscode/suite) in a desktop VS Code downloaded by
// @vscode/test-electron, for machines that can download it. Where VS Code cannot be downloaded
// (no network but the package registries), it fails in downloadAndUnzipVSCode with
// `getaddrinfo ENOTFOUND` for the download host: run the same suite through code-server
// with test/e2e/inhost.e2e.ts instead (npm run test:e2e).
// Run: npm run test:vscode   (VSCODE_VERSION picks another VS Code; default the engine's 1.100.3)
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = resolve(__dirname, '..', '..');
const fixtures = ['daily-papers-2023-12-04.md', 'daily-papers-2023-12-29.md', 'daily-papers-2024-01-11.md'];

async function main(): Promise<void> {
  const temp = mkdtempSync(join(tmpdir(), 'digest-vscode-'));
  const workspace = join(temp, 'workspace');
  for (const name of fixtures) cpSync(join(root, 'test', 'fixtures', name), join(workspace, name));
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'dist', 'test', 'suite', 'index.js'),
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir', join(temp, 'user-data'),
      ],
    });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`in-host tests through @vscode/test-electron failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
