// Sandboxed preload (built as CommonJS): the renderer gets the HostApi and nothing else of Electron.
import { contextBridge, ipcRenderer } from 'electron';
import { HOST_GLOBAL } from '../../src-core/host';
import { createHostBridge } from './host-bridge';

contextBridge.exposeInMainWorld(HOST_GLOBAL, createHostBridge(ipcRenderer));
