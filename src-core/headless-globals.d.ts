// The web-standard globals src-core may use: the browser and Node 20 both provide them. src-core is compiled without
// the DOM and Node libraries (src-core/tsconfig.json), so each one is declared here, as narrowly as src-core uses
// it — adding a global is a decision that it exists in both places.

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

type BlobPart = ArrayBufferView | ArrayBuffer | Blob | string;
declare class Blob {
  constructor(parts?: BlobPart[], options?: { type?: string });
  readonly size: number;
  readonly type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
  stream(): ReadableStream<Uint8Array>;
}

interface ReadableStreamDefaultReader<R> {
  read(): Promise<{ done: true; value?: undefined } | { done: false; value: R }>;
  cancel(reason?: unknown): Promise<void>;
  releaseLock(): void;
}
// eslint-disable-next-line @typescript-eslint/no-unused-vars
interface WritableStream<W> {
  readonly locked: boolean;
}
interface ReadableStream<R> {
  readonly locked: boolean;
  getReader(): ReadableStreamDefaultReader<R>;
  pipeThrough<T>(transform: {
    readonly writable: WritableStream<R>;
    readonly readable: ReadableStream<T>;
  }): ReadableStream<T>;
}
declare class DecompressionStream {
  constructor(format: 'deflate' | 'deflate-raw' | 'gzip');
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
}

// console exists in the browser and in Node; src-core uses it only to silence a library's own output while it runs.
interface HeadlessConsole {
  log(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
}
declare const console: HeadlessConsole;
