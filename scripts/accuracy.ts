// `npm run accuracy`: the text check on the accuracy corpus (real published 决算公开 documents, see
// test/accuracy/corpus/), per document: real mismatches found / hand-verified, false errors, sentences not understood.
import { formSetOfDocument } from '../src-core';
import { loadCorpus, measure, type CorpusEntry } from '../test/accuracy/corpus';

/** Which of the document's tables are the published 附表 and which hold only the figures its text states. */
function tablesNote(entry: CorpusEntry): string {
  if (entry.realTables.length === 0) return '所存副本没有附表，表中数取自文字所写的数';
  const forms = formSetOfDocument(entry.doc);
  const all = (forms?.tables ?? []).map((t) => t.id);
  const rest = all.filter((t) => !entry.realTables.includes(t));
  // Named as the document's own profile prints them (上海: 表七, national: 公开09表).
  const names = entry.realTables.map((id) => forms?.tableById.get(id)?.code ?? `公开${id}表`);
  if (rest.length === 0) return `全部 ${names.length} 张表（${names[0]}—${names.at(-1)}）照发布的附表转录`;
  return `${names.join('、')}照发布的附表转录，其余表只有文字所写的数或空着`;
}

let falseErrors = 0;
let silentMisses = 0;
for (const entry of loadCorpus()) {
  const a = measure(entry);
  falseErrors += a.falseErrors.length;
  process.stdout.write(
    `\n${entry.source.title}\n  ${entry.source.url}\n` +
      `  报表：${tablesNote(entry)}\n` +
      `  不一致：找到 ${a.found} / 人工核实 ${a.real}；误报错误 ${a.falseErrors.length}；提示 ${a.warnings}；` +
      `未读懂的句子 ${a.sentencesNotUnderstood}；已核对 ${a.checked} / ${a.stated} 个数\n`,
  );
  for (const m of a.missed) {
    if (!m.listedUnchecked) silentMisses++;
    process.stdout.write(
      `  漏报：${m.paragraph < 0 ? '报表间' : `${m.section} 第${m.paragraph + 1}段`} “${m.written}”${m.listedUnchecked ? '（已列为未核对）' : '（未列出！）'}\n`,
    );
  }
  for (const f of a.falseErrors) process.stdout.write(`  误报：${f}\n`);
}
process.stdout.write(`\n合计：误报错误 ${falseErrors}，未列出的漏报 ${silentMisses}\n`);
process.exitCode = falseErrors + silentMisses > 0 ? 1 : 0;
