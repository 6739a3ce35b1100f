import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { decidingLine } from './model/detect';
import { LineText } from './model/lineText';

/**
 * An open document whose text is kept as lines (LineText): an edit replaces the lines it touches
 * instead of building a new string of the whole document, which for a large digest cost more than
 * all the rest of a keystroke. The whole text is joined once per version, when asked for.
 */
export class DigestDocument implements TextDocument {
  /**
   * Names this text for caches and pull results. The client's version cannot: it starts again at
   * 1 when a document is closed and reopened, and a client may repeat it, or open a document
   * twice, with other text. A revision is never reused in the server's lifetime.
   */
  revision = nextRevision();

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    public lines: LineText,
  ) {}

  get lineCount(): number {
    return this.lines.lineCount;
  }

  /** Length in UTF-16 code units. */
  get length(): number {
    return this.lines.length;
  }

  getText(range?: Range): string {
    if (!range) return this.lines.toString();
    const a = this.offsetAt(range.start);
    const b = Math.max(a, this.offsetAt(range.end));
    const first = this.positionAt(a).line;
    const last = this.positionAt(b).line;
    return this.lines.slice(first, last + 1).slice(a - this.lines.starts[first], b - this.lines.starts[first]);
  }

  /** The verdict of content detection and the line that gave it; dropped by an edit up to that line. */
  private detected?: { line: number; digest: boolean };

  /** Whether the first non-blank line is a day heading (model/detect.ts). */
  looksLikeDigest(): boolean {
    const { lines } = this;
    this.detected ??= decidingLine(lines.lineCount, (i) => lines.slice(i, i + 1).slice(0, lines.ends[i] - lines.starts[i]));
    return this.detected.digest;
  }

  /** An edit from `line` on: the verdict stands when the line that gave it is above. */
  edited(line: number): void {
    if (this.detected && line <= this.detected.line) this.detected = undefined;
  }

  positionAt(offset: number): Position {
    return this.lines.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.lines.offsetAt(position);
  }
}

let revisions = 0;
function nextRevision(): number {
  return ++revisions;
}

export interface DocumentEvents {
  /** One ranged edit was applied to the document's lines (still at revision `fromRevision`). */
  edited(doc: DigestDocument, fromRevision: number, edit: { line: number; removed: number; added: number }): void;
  /** The whole text was replaced (a change without a range). */
  replaced(doc: DigestDocument): void;
  /** All changes of one notification are applied: the document moved from one revision to the next. */
  versioned(doc: DigestDocument, fromRevision: number, toRevision: number): void;
}

/** How TextDocuments creates and updates DigestDocuments, telling `events` about each edit. */
export function digestDocuments(events: DocumentEvents): TextDocumentsConfiguration<DigestDocument> {
  return {
    create: (uri, languageId, version, text) => new DigestDocument(uri, languageId, version, new LineText(text)),
    update(doc, changes: TextDocumentContentChangeEvent[], version) {
      const from = doc.revision;
      for (const change of changes) {
        if ('range' in change && change.range) {
          const edit = doc.lines.apply(change.range, change.text);
          doc.edited(edit.line);
          events.edited(doc, from, edit);
        } else {
          doc.lines = new LineText(change.text);
          doc.edited(0);
          events.replaced(doc);
        }
      }
      doc.version = version;
      doc.revision = nextRevision();
      events.versioned(doc, from, doc.revision);
      return doc;
    },
  };
}
