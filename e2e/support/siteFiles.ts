import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isOnDemand } from '../../src/sw/offlineProtocol';

/** Every file of a built site, by path relative to its root, with its size. */
export function siteFiles(root: string): Map<string, number> {
  const files = new Map<string, number>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else files.set(relative(root, path).split('\\').join('/'), info.size);
    }
  };
  walk(root);
  return files;
}

/** The app shell the service worker precaches (vite.config.ts' patterns less on-demand content), with its size. */
export function shellFiles(root: string): Map<string, number> {
  const shell = new Map<string, number>();
  for (const [path, size] of siteFiles(root)) {
    if (/\.(js|css|html|wasm|svg|webmanifest)$/.test(path) && !isOnDemand(path) && path !== 'sw.js') shell.set(path, size);
  }
  return shell;
}
