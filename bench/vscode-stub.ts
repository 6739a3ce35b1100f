/**
 * A stand-in for the `vscode` module, only to time loading and activating the bundled client
 * outside VS Code (`activationMs`). Every property is callable and returns another stand-in;
 * events return disposables; nothing is awaited as a thenable.
 */
import Module from 'node:module';
import { readFileSync } from 'node:fs';

function stand(name: string): unknown {
  const fn = function () { /* any call */ };
  return new Proxy(fn, {
    get(_t, prop) {
      if (prop === 'then') return undefined; // not a promise
      if (prop === Symbol.toPrimitive) return () => name;
      if (prop === Symbol.iterator) return function* () { /* empty */ };
      if (prop === 'dispose') return () => undefined;
      if (prop === 'length') return 0;
      return stand(`${name}.${String(prop)}`);
    },
    set() {
      return true; // assignments (item.text = …) are accepted and forgotten
    },
    apply() {
      return stand(`${name}()`);
    },
    construct() {
      return stand(`new ${name}`) as object;
    },
  });
}

class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  event = (l: (e: T) => void) => {
    this.listeners.push(l);
    return { dispose: () => undefined };
  };
  fire(e: T) {
    for (const l of this.listeners) l(e);
  }
  dispose() {
    this.listeners = [];
  }
}

/** The top-level names of the real API, read from its type declarations (bundles copy them). */
function apiNames(): string[] {
  const dts = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const names = new Set<string>();
  for (const m of dts.matchAll(/^(?:\t| {4})export (?:namespace|class|enum|function|const|let) (\w+)/gm)) names.add(m[1]);
  return [...names];
}

const names = apiNames();
export const vscodeStub = new Proxy({} as Record<string, unknown>, {
  get(_target, prop) {
    if (prop === 'EventEmitter') return EventEmitter;
    if (prop === 'version') return '1.100.3';
    if (prop === '__esModule' || prop === 'then') return undefined;
    return stand(`vscode.${String(prop)}`);
  },
  ownKeys: () => names,
  getOwnPropertyDescriptor: (_t, prop) => ({ configurable: true, enumerable: true, writable: false, value: prop === 'EventEmitter' ? EventEmitter : prop === 'version' ? '1.100.3' : stand(`vscode.${String(prop)}`) }),
});

/** Makes `require('vscode')` return the stand-in. */
export function installVscodeStub(): void {
  const M = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = M._load;
  M._load = function (request: string, ...rest: unknown[]) {
    if (request === 'vscode') return vscodeStub;
    return load.call(this, request, ...rest);
  };
}
