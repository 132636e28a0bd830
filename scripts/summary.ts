/**
 * `npm run summary -- <arch> [options] [--json]`: the Keras-style summary of a zoo network, for teachers'
 * handouts, scripts and tests. Unknown arch or a bad option: one line on stderr and exit code 2.
 */
import { ArchError, buildArch, inferGraph, summaryJson, summaryText, ARCH_IDS } from '../src/arch/index';
import { parseSummaryArgs, UsageError, USAGE } from './summaryArgs';

function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\narchitectures: ${ARCH_IDS.join(', ')}\n`);
    return 0;
  }
  try {
    const request = parseSummaryArgs(argv);
    const info = inferGraph(buildArch(request.arch, request.options));
    process.stdout.write(request.json ? `${JSON.stringify(summaryJson(request.arch, info))}\n` : `${summaryText(info)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ArchError) {
      process.stderr.write(`summary: ${error.message.replace(/\s+/g, ' ')}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
