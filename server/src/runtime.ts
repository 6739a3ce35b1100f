/**
 * The V8 flags the language server runs with: the client passes them when it starts the server,
 * and `npm run bench` runs the engine under the same ones, so it times the server as it runs.
 *
 * A young generation of 64 MB semi-spaces (V8's default on 64-bit is 16 MB): parsing and linting
 * make many short-lived objects (a 10 MB year file: about 7,700 papers, 6,500 findings), and with
 * the default young generation a third of that time goes to scavenges, each page touched afresh.
 * Same work, fewer collections: side by side on the year file, parse + every rule 88 → 37 ms. The
 * cost: the workspace server's peak RSS 123 → 149 MB, and a rare longer scavenge (the slowest of
 * 200 keystrokes 68–110 ms instead of 40–60; p95 unchanged).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=64'];
