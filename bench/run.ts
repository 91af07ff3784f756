// `npm run bench`: speed targets as median/p95 figures (benchmarks, not timed tests).
import os from 'node:os';
import { runCliBench } from './cli.bench';
import { runConsolidationBench } from './consolidation.bench';
import { runEngineBench, runEngineOnlyBench } from './engine.bench';
import { runExportBench } from './export.bench';
import { runPdfBench } from './pdf.bench';
import { runPublicationBench } from './publication.bench';
import { runSessionBench } from './session.bench';

const out = (s: string) => process.stdout.write(s);
out(`Gongkai benchmarks — Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}\n`);
await runCliBench(out);
runEngineBench(out);
runEngineOnlyBench(out);
runSessionBench(out);
await runExportBench(out);
await runPdfBench(out);
await runPublicationBench(out);
runConsolidationBench(out);
