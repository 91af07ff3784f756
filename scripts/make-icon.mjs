// Draws build/icon.png (512×512, transparent corners): a seal-red rounded square with 决 in white over ledger rules.
// Rendered by Debian's headless Chromium with Noto Sans CJK, so the glyph is a real font's, not a hand-drawn one.
// Run: node scripts/make-icon.mjs   (needs `chromium` and `fonts-noto-cjk`; the PNG is committed, so builds do not.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'build', 'icon.png');
const SIZE = 512;

const html = `<!doctype html><meta charset="utf-8"><style>
  html, body { margin: 0; width: ${SIZE}px; height: ${SIZE}px; background: transparent; overflow: hidden; }
  .tile { position: absolute; inset: 16px; border-radius: 96px; background: linear-gradient(160deg, #d7263d, #a4161a);
          box-shadow: inset 0 -10px 0 rgba(0,0,0,.12); overflow: hidden; }
  .rule { position: absolute; left: 56px; right: 56px; height: 6px; border-radius: 3px; background: rgba(255,255,255,.28); }
  .glyph { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; color: #fff;
           font: 700 330px/1 "Noto Sans CJK SC", "Noto Sans CJK", sans-serif; padding-bottom: 18px; }
</style>
<div class="tile">
  <div class="rule" style="top: 352px"></div><div class="rule" style="top: 392px"></div><div class="rule" style="top: 432px"></div>
  <div class="glyph">决</div>
</div>`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-icon-'));
try {
  const page = path.join(dir, 'icon.html');
  fs.writeFileSync(page, html);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  execFileSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--force-device-scale-factor=1',
      '--default-background-color=00000000',
      `--window-size=${SIZE},${SIZE}`,
      `--screenshot=${out}`,
      pathToFileURL(page).href,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
const png = fs.readFileSync(out);
console.log(
  `${path.relative(root, out)}: ${png.readUInt32BE(16)}×${png.readUInt32BE(20)}, ${png.length} bytes`,
);
