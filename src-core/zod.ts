/**
 * zod, configured for how Gongkai parses: each document and form profile once per load. zod's JIT compiles a
 * `new Function` for every object schema on its first parse, which costs more than it saves here (the sample's
 * first read 45 → 23 ms in Node; a department-size file is unchanged), and the renderer's Content-Security-Policy
 * forbids it anyway. The setting is read when a schema is built, so every schema module of src-core imports `z`
 * from here, which sets it before any of them is evaluated — in the renderer, the main process and the CLI alike.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
