/**
 * The packed harness's entry (bundled by pack.ts into DIR/harness.mjs): the same run as
 * `npm run bench:gpu`, with the pack's data and its recorded versions; run.sh sets up Vulkan and Dawn.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runHarness } from './main';

const here = dirname(fileURLToPath(import.meta.url));
const manifest = JSON.parse(readFileSync(join(here, 'pack.json'), 'utf8')) as { versions: { tfjs: string; dawn: string } };
const notes = process.env.CNN_BENCH_GPU_NOTES?.split('\n').filter(Boolean) ?? [];

runHarness(process.argv.slice(2), { dataDir: join(here, 'data'), out: join(process.cwd(), 'gpu.json') }, manifest.versions, notes).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
