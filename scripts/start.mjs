// `npm start`: the desktop app on the embedded sample. Filled in by the editor; until then say so plainly.
console.error('桌面程序尚未完成。The desktop editor is not built yet; try `npx gongkai check samples/hanyang-media-center-2023.gongkai.json`.');
process.exit(1);
