// Stands in for @types/node when src-core is compiled (src-core/tsconfig.json's typeRoots): a library's
// `/// <reference types="node" />` (docx has one) would otherwise bring Node's globals — process, Buffer, require —
// into the headless core, and the compiler could no longer catch them.
export {};
