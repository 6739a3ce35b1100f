/** The part of a cancellation token long-running features look at (between files and papers). */
export interface Cancel {
  readonly isCancellationRequested: boolean;
}

/** Thrown by a feature that stopped because the request was cancelled; server.ts answers with the LSP error. */
export class Cancelled extends Error {
  constructor() {
    super('Request cancelled');
  }
}

export function check(token: Cancel | undefined): void {
  if (token?.isCancellationRequested) throw new Cancelled();
}
