/** Where each rule is documented: its section in the README (`codeDescription.href`, SARIF helpUri). */
export const DOCS_BASE = 'https://github.com/daily-papers/vscode-daily-papers-digest/blob/main/README.md';

export function ruleDocUrl(id: string): string {
  return `${DOCS_BASE}#${id}`;
}
