/**
 * The environment Dawn needs to find Vulkan, before the process that loads dawn.node starts (the
 * dynamic loader reads LD_LIBRARY_PATH at start-up). On a machine with a GPU driver nothing is added.
 * Without one (CI, this GPU-less machine) it uses the SwiftShader Vulkan driver Debian's chromium
 * ships: dawn.node refuses Debian bookworm's lavapipe ("shaderUniform*ArrayDynamicIndexing required").
 */
import { existsSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

/** Debian's chromium ships a Vulkan loader and the SwiftShader ICD here. */
export const CHROMIUM_LIB = '/usr/lib/chromium';
export const SWIFTSHADER_ICD = join(CHROMIUM_LIB, 'vk_swiftshader_icd.json');

/** Folders the Vulkan loader searches for driver manifests (ICDs). */
export const ICD_DIRS = ['/etc/vulkan/icd.d', '/usr/share/vulkan/icd.d', '/usr/local/share/vulkan/icd.d', '/usr/local/etc/vulkan/icd.d'];

/** The ICD manifests installed system-wide. */
export function systemIcds(dirs: readonly string[] = ICD_DIRS): string[] {
  return dirs.flatMap((d) => {
    try {
      return readdirSync(d).filter((f) => f.endsWith('.json')).map((f) => join(d, f));
    } catch {
      return [];
    }
  });
}

/** Whether the dynamic loader can find libvulkan.so.1 without help. */
export function systemVulkanLoader(): boolean {
  try {
    return execFileSync('/sbin/ldconfig', ['-p'], { encoding: 'utf8' }).includes('libvulkan.so.1');
  } catch {
    return ['/usr/lib/x86_64-linux-gnu/libvulkan.so.1', '/usr/lib64/libvulkan.so.1', '/usr/lib/libvulkan.so.1'].some(existsSync);
  }
}

/** Additions to the environment, and a note on the Vulkan in use. */
export interface VulkanEnv {
  env: Record<string, string>;
  /** `system` (a real driver, presumably), `swiftshader` (software), or `none` (Dawn will find no adapter). */
  driver: 'system' | 'swiftshader' | 'none';
  notes: string[];
}

/**
 * What to add to `current` so that Dawn finds a Vulkan driver: nothing when the system has one (or the
 * caller set VK_ICD_FILENAMES / VK_DRIVER_FILES); chromium's loader and SwiftShader otherwise.
 * `forceSwiftShader` picks SwiftShader even beside a system driver.
 */
export function vulkanEnvironment(current: NodeJS.ProcessEnv, forceSwiftShader = false): VulkanEnv {
  const env: Record<string, string> = {};
  const notes: string[] = [];
  if (!current.XDG_RUNTIME_DIR) env.XDG_RUNTIME_DIR = tmpdir();
  const chosen = current.VK_ICD_FILENAMES || current.VK_DRIVER_FILES;
  const icds = systemIcds();
  let driver: VulkanEnv['driver'] = chosen || icds.length ? 'system' : 'none';
  if ((forceSwiftShader || driver === 'none') && existsSync(SWIFTSHADER_ICD)) {
    env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
    driver = 'swiftshader';
    notes.push(`Vulkan: SwiftShader (software, ${SWIFTSHADER_ICD}): the figures measure the CPU, not a GPU`);
  } else if (driver === 'system') notes.push(`Vulkan drivers: ${chosen ?? icds.join(', ')}`);
  else notes.push('No Vulkan driver (ICD) found and no SwiftShader: Dawn will find no adapter');
  if (!systemVulkanLoader() && existsSync(join(CHROMIUM_LIB, 'libvulkan.so.1'))) {
    env.LD_LIBRARY_PATH = [CHROMIUM_LIB, current.LD_LIBRARY_PATH].filter(Boolean).join(':');
    notes.push(`Vulkan loader: ${CHROMIUM_LIB}/libvulkan.so.1 (chromium's; no system libvulkan1)`);
  }
  return { env, driver, notes };
}
