// Saves a document over and over, alternating two versions, until killed (killDuringSaveCase's victim).
import fs from 'node:fs/promises';
import { writeFileAtomic } from '../../src-main/node/atomic-file';
import { SAMPLE_FILE } from './cases';
import { bigVersions } from './file-cases';

const target = process.argv[2] as string;
const versions = bigVersions(await fs.readFile(SAMPLE_FILE, 'utf8'));
for (let i = 0; ; i++) {
  await writeFileAtomic(target, versions[i % 2] as string);
  if (i === 0) process.stdout.write('saved\n');
}
