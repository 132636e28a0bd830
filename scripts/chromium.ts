/**
 * How every headless Chromium of this project starts (Playwright's e2e config and the benchmark): Debian's
 * Chromium when installed (CI installs it), otherwise Playwright's own browser; never a download.
 */
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The browser binary to launch, or undefined for Playwright's bundled one. */
export const chromiumExecutable: string | undefined = existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;

/** Quiet, sandbox-free (containers) and with WebGPU enabled (a fallback adapter on GPU-less machines). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-webgpu',
];
