// Bundled into one sandboxed CommonJS file (dist/electron/preload.cjs); it may require nothing but electron.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('bridge', createBridge(ipcRenderer));
