import type { ArchGraph, GraphInfo } from '../../arch/index';
import { ArchGraphPanel } from '../graph/ArchGraphPanel';
import { useRenderCount } from '../renderCount';
import { defaultLayer, selectLayer, useSelectedLayer } from './layerSelection';

/** The workspace's centre: the chosen network's graph, whose blocks select the layer the inspector shows. */
export function WorkspaceGraph({ graph, info }: { graph: ArchGraph; info: GraphInfo }) {
  useRenderCount('WorkspaceGraph');
  const chosen = useSelectedLayer();
  const selected = chosen && info.layers.some((l) => l.name === chosen) ? chosen : defaultLayer(info.layers);
  return <ArchGraphPanel graph={graph} info={info} onSelect={selectLayer} selected={selected} />;
}
