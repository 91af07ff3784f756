// `npm run accuracy`: the text check on the accuracy corpus (real published 决算公开 documents, see
// test/accuracy/corpus/), per document: real mismatches found / hand-verified, false errors, sentences not understood.
import { loadCorpus, measure } from '../test/accuracy/corpus';

let falseErrors = 0;
let silentMisses = 0;
for (const entry of loadCorpus()) {
  const a = measure(entry);
  falseErrors += a.falseErrors.length;
  process.stdout.write(
    `\n${entry.source.title}\n  ${entry.source.url}\n` +
      `  不一致：找到 ${a.found} / 人工核实 ${a.real}；误报错误 ${a.falseErrors.length}；提示 ${a.warnings}；` +
      `未读懂的句子 ${a.sentencesNotUnderstood}；已核对 ${a.checked} / ${a.stated} 个数\n`,
  );
  for (const m of a.missed) {
    if (!m.listedUnchecked) silentMisses++;
    process.stdout.write(
      `  漏报：${m.section} 第${m.paragraph + 1}段 “${m.written}”${m.listedUnchecked ? '（已列为未核对）' : '（未列出！）'}\n`,
    );
  }
  for (const f of a.falseErrors) process.stdout.write(`  误报：${f}\n`);
}
process.stdout.write(`\n合计：误报错误 ${falseErrors}，未列出的漏报 ${silentMisses}\n`);
process.exitCode = falseErrors + silentMisses > 0 ? 1 : 0;
