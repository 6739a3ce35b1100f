import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';

/**
 * Reads the fields of a request's params. Our own requests come from our client, but any client
 * may send them: a missing or mistyped field is an InvalidParams error that names the field and
 * what it should be, never a TypeError from deep inside a feature.
 */
export class Params {
  private readonly fields: Record<string, unknown>;

  constructor(
    private readonly method: string,
    params: unknown,
  ) {
    this.fields = typeof params === 'object' && params !== null && !Array.isArray(params) ? (params as Record<string, unknown>) : {};
  }

  private invalid(name: string, expected: string): ResponseError<void> {
    return new ResponseError(ErrorCodes.InvalidParams, `${this.method}: '${name}' must be ${expected}`);
  }

  string(name: string): string {
    const v = this.fields[name];
    if (typeof v !== 'string') throw this.invalid(name, 'a string');
    return v;
  }

  /** An optional string: undefined when absent or null. */
  optionalString(name: string): string | undefined {
    const v = this.fields[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw this.invalid(name, 'a string when given');
    return v;
  }

  /** An optional whole number ≥ 0: undefined when absent or null. */
  optionalIndex(name: string): number | undefined {
    const v = this.fields[name];
    if (v === undefined || v === null) return undefined;
    return this.index(name);
  }

  /** A whole number ≥ 0 (a line). */
  index(name: string): number {
    const v = this.fields[name];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw this.invalid(name, 'a whole number ≥ 0');
    return v;
  }
}
