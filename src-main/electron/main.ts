// The Electron main process: wires real Electron objects into the plain, tested modules beside it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { HOST_CHANNELS, type HostCommand } from '../../src-core/host';
import { isAppUrl, type AppLocation } from './app-origin';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { CLOSE_PROMPT, createCloseGuard } from './close-guard';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from './content-security-policy';
import { createDocumentHandlers, FILE_CHANGED_PROMPT } from './document-handlers';
import { editRoutingDeps, printWindowFactory, windowDialogs } from './electron-adapters';
import { routeEditAction } from './edit-routing';
import { createHostHandlers } from './host-handlers';
import { createMemberFileHandlers } from './member-files';
import { documentTooBig, MAX_DOCUMENT_BYTES } from '../node/document-file';
import { watchMembers } from '../node/member-watcher';
import { readLimitedFile } from '../node/read-limited';
import { createHtmlPrinter } from './html-printer';
import { schedulePrintWarmUp } from './print-warm-up';
import { registerHostHandlers } from './ipc-router';
import { buildMenuTemplate, type MenuActions } from './menu-template';
import { createRecentFiles } from './recent-files';
import { createRecoveryStore } from './recovery-store';
import { secureSession } from './session-security';
import { validateSender } from './validate-sender';
import { guardWebContents } from './web-contents-guard';
import { mainWindowOptions, PRINT_PARTITION, printWindowOptions } from './window-options';
import { APP_TITLE } from './window-title';

const outDir = path.dirname(path.dirname(fileURLToPath(import.meta.url))); // out/
const location: AppLocation = {
  rendererIndexFile: path.join(outDir, 'renderer', 'index.html'),
  // electron-vite dev sets this; a packaged app never trusts it.
  devServerUrl: app.isPackaged ? null : (process.env.ELECTRON_RENDERER_URL ?? null),
};
const isOwnPage = (url: string): boolean => isAppUrl(url, location);
const devTools = !app.isPackaged;

// Tests run the unpackaged app against a throw-away profile so they never touch the user's recent list or recovery.
if (!app.isPackaged && process.env.GONGKAI_USER_DATA_DIR)
  app.setPath('userData', process.env.GONGKAI_USER_DATA_DIR);

// The renderer is served from app://gongkai/ rather than file://, so the page has an origin of its own and no
// file:// privileges; a custom scheme's privileges can only be set before the app is ready.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let mainWindow: BrowserWindow | null = null;

async function start(): Promise<void> {
  // Only the default session (the main window's) answers app://, and only with the built renderer's files; the
  // print session has no handler for it.
  session.defaultSession.protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rendererDir: path.dirname(location.rendererIndexFile),
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    }),
  );
  secureSession(session.defaultSession, {
    // No file:// at all: the page's files come through app://.
    requests: { fileRoots: [], appProtocol: true, devServerUrl: location.devServerUrl },
    contentSecurityPolicy: location.devServerUrl
      ? devContentSecurityPolicy(location.devServerUrl)
      : CONTENT_SECURITY_POLICY,
    isAppUrl: isOwnPage,
  });
  // The print window's session serves the page of a print job running now and nothing else: not the rest of the
  // temp folder, not other local files, not the network.
  const printDirs = new Set<string>();
  secureSession(session.fromPartition(PRINT_PARTITION), {
    requests: { fileRoots: () => [...printDirs] },
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    isAppUrl: () => false,
  });

  // One hidden print window for the session, opened by the first export and reused by the next ones.
  const printer = createHtmlPrinter({
    createWindow: printWindowFactory(BrowserWindow, printWindowOptions()),
    tempDir: os.tmpdir(),
    activeDirs: printDirs,
  });
  // A print window left open would keep window-all-closed from firing, so the app would never quit: it goes with
  // the main window (and with any quit that closes windows some other way).
  app.on('before-quit', () => void printer.close());

  const win = new BrowserWindow(mainWindowOptions(path.join(outDir, 'preload', 'index.cjs'), { devTools }));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  // The first PDF export of the session as quick as the next: the print window opens a while after the first screen.
  const cancelPrintWarmUp = schedulePrintWarmUp({ window: win, warmUp: () => printer.warmUp() });
  // The title is ours (file name, unsaved mark), not the page's <title>.
  win.on('page-title-updated', (event) => event.preventDefault());
  const send = (command: HostCommand): void => {
    if (!win.isDestroyed()) win.webContents.send(HOST_CHANNELS.command, command);
  };

  const userData = app.getPath('userData');
  const recent = createRecentFiles({ file: path.join(userData, 'recent-files.json') });
  const recovery = createRecoveryStore(path.join(userData, 'recovery.json'));
  const dialogs = windowDialogs(dialog, win);
  const showError = (message: string): void => {
    void dialog.showMessageBox(win, {
      type: 'error',
      title: APP_TITLE,
      message,
      buttons: ['确定'],
      noLink: true,
    });
  };

  const menuActions: MenuActions = {
    command: send,
    edit: (action, byAccelerator) =>
      void routeEditAction(
        action,
        { byAccelerator, platform: process.platform },
        editRoutingDeps(win.webContents, send),
      ),
    clearRecent: () => void recent.clear().then(rebuildMenu),
    quit: () => win.close(),
  };
  async function rebuildMenu(): Promise<void> {
    const list = await recent.list().catch(() => []);
    const template = buildMenuTemplate({ platform: process.platform, recent: list, devTools }, menuActions);
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  const closeGuard = createCloseGuard({
    ask: async () =>
      (await dialog.showMessageBox(win, { ...CLOSE_PROMPT, buttons: [...CLOSE_PROMPT.buttons] })).response,
    sendCommand: send,
    clearRecovery: () => recovery.clearForClose(),
    close: () => win.close(),
  });
  win.on('close', (event) => closeGuard.onClose(event));
  win.on('closed', () => {
    mainWindow = null;
    cancelPrintWarmUp();
    void printer.close();
  });
  // A crashed page reloads once; its last autosave is offered for restore when it starts again. A page that keeps
  // crashing is left alone rather than reloaded in a loop.
  let lastCrash = 0;
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    // The unsaved state died with the page; what is left of it is the autosave, which closing must not delete.
    recovery.preserve();
    closeGuard.setDirty(false);
    const again = Date.now() - lastCrash < 30_000;
    lastCrash = Date.now();
    if (again) {
      showError('页面再次意外退出。最近自动保存的内容会在下次启动时提供恢复。');
      return;
    }
    showError('页面意外退出，正在重新载入。最近自动保存的内容可在重新载入后恢复。');
    win.webContents.reload();
  });

  const documents = createDocumentHandlers({
    dialogs,
    recent,
    documentsDir: app.getPath('documents'),
    onRecentChanged: () => void rebuildMenu(),
    askFileChanged: async (filePath) => {
      const { response } = await dialog.showMessageBox(win, {
        type: FILE_CHANGED_PROMPT.type,
        title: FILE_CHANGED_PROMPT.title,
        message: FILE_CHANGED_PROMPT.message(filePath),
        detail: FILE_CHANGED_PROMPT.detail,
        buttons: [...FILE_CHANGED_PROMPT.buttons],
        defaultId: FILE_CHANGED_PROMPT.defaultId,
        cancelId: FILE_CHANGED_PROMPT.cancelId,
        noLink: true,
      });
      return FILE_CHANGED_PROMPT.choices[response] ?? 'cancel';
    },
  });
  registerHostHandlers(
    ipcMain,
    createHostHandlers({
      info: { kind: 'electron', platform: process.platform, appVersion: app.getVersion() },
      dialogs,
      documents,
      recent,
      recovery,
      printer,
      closeGuard,
      members: createMemberFileHandlers({
        dialogs,
        readFile: (file) => readLimitedFile(file, MAX_DOCUMENT_BYTES, documentTooBig),
        readText: (file) => fs.promises.readFile(file, 'utf8'),
        watch: (files, folders, onChange) => watchMembers(files, folders, onChange),
        notify: (id) => {
          if (!win.isDestroyed()) win.webContents.send(HOST_CHANNELS.memberChanged, id);
        },
        defaultFolder: documents.currentFolder,
      }),
      window: {
        setTitle: (title) => win.setTitle(title),
        setDocumentEdited:
          process.platform === 'darwin' ? (edited) => win.setDocumentEdited(edited) : undefined,
      },
      showError,
    }),
    (frame) => validateSender(frame, win.isDestroyed() ? null : win.webContents.mainFrame, isOwnPage),
  );

  // The menu lists recent files after checking each still exists (a network share can be slow): the page need not
  // wait for it.
  const menuReady = rebuildMenu();
  const load = win.loadURL(location.devServerUrl ?? APP_INDEX_URL);
  load.catch((error: unknown) => {
    // ERR_ABORTED is a load superseded by another (a reload); anything else leaves an empty window, so say why.
    if ((error as { code?: string }).code === 'ERR_ABORTED' || win.isDestroyed()) return;
    win.show();
    showError(`界面载入失败：${(error as Error).message}`);
  });
  await menuReady;
}

if (!app.requestSingleInstanceLock()) {
  // One window edits one document; a second launch brings the first forward instead.
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId('cn.gongkai.editor');
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, isOwnPage));
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox(APP_TITLE, `程序无法启动：${(error as Error).message}`);
      app.exit(1);
    });
}
