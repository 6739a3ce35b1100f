/**
 * Escapes file text for Markdown rendered untrusted: every Markdown-special character gets a
 * backslash and `<`, `>`, `&` become entities, so a title can neither open a link nor inject HTML.
 * `:` is escaped too: GFM auto-links a bare `https://…` in text (and `.` for `www.`), and no
 * `command:` or `javascript:` scheme survives as written.
 * Line breaks become spaces: hover fields are one line each.
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|~<>&:]/g, (c) => {
    if (c === '<') return '&lt;';
    if (c === '>') return '&gt;';
    if (c === '&') return '&amp;';
    return '\\' + c;
  });
}
