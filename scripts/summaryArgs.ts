import type { ArchOptions } from '../src/arch/index';

/** What the command line asked for: a network, its options, and the output format. */
export interface SummaryRequest {
  arch: string;
  options: ArchOptions;
  json: boolean;
}

/** A usage error: printed as one line, exit code 2. */
export class UsageError extends Error {}

export const USAGE =
  'usage: npm run summary -- <arch> [--input H,W,C] [--classes N] [--width F] [--variant V] [--groups G] [--no-top] [--no-conv-bias] [--aux] [--json]';

function number(flag: string, text: string | undefined, integer: boolean): number {
  if (text === undefined || text.startsWith('--')) throw new UsageError(`${flag} needs a value.`);
  const value = Number(text);
  if (!Number.isFinite(value) || text.trim() === '' || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${flag} expects ${integer ? 'an integer' : 'a number'}, got "${text}".`);
  }
  return value;
}

/** Parses `<arch> [flags]` (each value flag also accepts `--flag=value`). @throws UsageError. */
export function parseSummaryArgs(argv: readonly string[]): SummaryRequest {
  const args = argv.flatMap((a) => (a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]));
  const options: ArchOptions = {};
  let arch: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    switch (a) {
      case '--input': {
        const text = args[++i];
        const parts = (text ?? '').split(/[,x×]/).map((p) => p.trim());
        if (parts.length !== 3 || parts.some((p) => !/^\d+$/.test(p))) {
          throw new UsageError(`--input expects H,W,C (three positive integers), got "${text ?? ''}".`);
        }
        options.input = [Number(parts[0]), Number(parts[1]), Number(parts[2])];
        break;
      }
      case '--classes':
        options.classes = number(a, args[++i], true);
        break;
      case '--width':
        options.width = number(a, args[++i], false);
        break;
      case '--groups':
        options.groups = number(a, args[++i], true);
        break;
      case '--variant': {
        const v = args[++i];
        if (v === undefined || v.startsWith('--')) throw new UsageError('--variant needs a value.');
        options.variant = v;
        break;
      }
      case '--no-top':
        options.noTop = true;
        break;
      case '--no-conv-bias':
        options.convBias = false;
        break;
      case '--aux':
        options.aux = true;
        break;
      case '--json':
        json = true;
        break;
      default:
        if (a.startsWith('-')) throw new UsageError(`Unknown option "${a}".`);
        if (arch !== undefined) throw new UsageError(`One architecture at a time: got "${arch}" and "${a}".`);
        arch = a;
    }
  }
  if (arch === undefined) throw new UsageError('Name an architecture.');
  return { arch, options, json };
}
