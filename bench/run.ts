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
// `npm run bench -- pdf publication`: only the cases named (cli, engine, session, export, pdf, publication, 汇总 =
// consolidation), so that a lane measures its own case without the whole run.
const only = process.argv.slice(2);
const want = (name: string): boolean => only.length === 0 || only.includes(name);
out(`Gongkai benchmarks — Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}\n`);
if (want('cli')) await runCliBench(out);
if (want('engine')) {
  runEngineBench(out);
  runEngineOnlyBench(out);
}
if (want('session')) runSessionBench(out);
if (want('export')) await runExportBench(out);
if (want('pdf')) await runPdfBench(out);
if (want('publication')) await runPublicationBench(out);
if (want('consolidation')) runConsolidationBench(out);
