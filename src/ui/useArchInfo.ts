import { useMemo } from 'react';
import { ArchError, buildArch, inferGraph, type ArchGraph, type ArchOptions, type GraphInfo } from '../arch/index';
import type { UserMessage } from '../messages/index';
import type { ExperimentState } from './experiment';

/** The arch options an experiment asks for (nulls mean "the network's default"). */
export function archOptionsOf(s: ExperimentState): ArchOptions {
  return {
    ...(s.variant ? { variant: s.variant } : {}),
    ...(s.input ? { input: s.input } : {}),
    ...(s.classes !== null ? { classes: s.classes } : {}),
    width: s.width,
    groups: s.groups,
    noTop: s.noTop,
    ...(s.convBias !== null ? { convBias: s.convBias } : {}),
    aux: s.aux,
  };
}

/** Builds and infers the chosen network on the main thread (pure TypeScript, no tfjs). */
export function useArchInfo(s: ExperimentState): { graph: ArchGraph; info: GraphInfo } | { error: UserMessage } {
  const options = archOptionsOf(s);
  const key = `${s.arch}|${JSON.stringify(options)}`;
  return useMemo(() => {
    try {
      const graph = buildArch(s.arch, options);
      return { graph, info: inferGraph(graph) };
    } catch (error) {
      if (error instanceof ArchError) return { error: error.detail };
      throw error;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}
