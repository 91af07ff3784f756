// `node --import ./test/helpers/record-imports.mjs …`: appends every module the process resolves to the file named
// by $GONGKAI_RECORD_IMPORTS, one URL per line (so a test can see which packages a command loaded).
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
      import fs from 'node:fs';
      const file = process.env.GONGKAI_RECORD_IMPORTS;
      export async function resolve(specifier, context, next) {
        const r = await next(specifier, context);
        if (file) fs.appendFileSync(file, r.url + '\\n');
        return r;
      }`),
);
