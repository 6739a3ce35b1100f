// Builds the bundles: the language server, the VS Code client and the CLI; with --bench also the
// benchmark (out/bench.js), bundled like the server so that it measures the code as it ships.
// Type-checking is separate (`npm run check`); esbuild only strips types.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const bench = process.argv.includes('--bench');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  // The server's reader thread for workspace scans, loaded from next to dist/server.js.
  { ...common, entryPoints: ['server/src/workspace/readWorker.ts'], outfile: 'dist/readWorker.js' },
  // The client's heavy part (vscode-languageclient) is its own bundle, required after activation.
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './languageClient.js'] },
  { ...common, entryPoints: ['client/src/languageClient.ts'], outfile: 'dist/languageClient.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

// markdownlint (an ES module loaded by import()) and the vscode typings the stub reads stay packages.
if (bench) builds.push({ ...common, entryPoints: ['bench/run.ts'], outfile: 'out/bench.js', external: ['markdownlint', 'markdownlint/*', '@types/vscode/*'] });

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
