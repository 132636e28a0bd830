import { useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { ArchGraph, GraphInfo } from '../../arch/index';
import { LABEL_ROOM_PX, layoutArchGraph, planWrap, ZOOM, type Box, type LayoutNode } from '../../views/archGraph/index';
import { LangContext, useFormatNumber, useMessages } from '../i18n/index';
import { graphMessages } from '../i18n/graph';
import { createZoomPan, type ZoomPanHandle } from './createZoomPan';
import { describeBranch, describeNode, describeShortcut } from './describeNode';
import { downloadBlob, graphSvgMarkup, svgMarkupToPng } from './exportGraph';
import { GraphBlock } from './GraphBlock';
import { EDGE, MUTED } from './graphColors';
import { GraphLegend } from './GraphLegend';
import { InceptionBranchGroup } from './InceptionBranchGroup';
import { ModuleToggles } from './ModuleToggles';
import { GRAPH_FONT, ScreenLabels, type ScreenLabelsHandle } from './ScreenLabels';
import { SkipEdge } from './SkipEdge';
import './graph.css';
import { LOCALE, toUserMessage, type UserMessage } from '../../messages/index';

interface Props {
  graph: ArchGraph;
  /** inferGraph(graph): shapes, parameters and MACs of every layer. */
  info: GraphInfo;
  /** Layer names drawn greyed out (frozen for transfer learning). */
  frozen?: ReadonlySet<string>;
  /** Where the graph is the way in: click or Enter on a layer selects it (the layer inspector shows it). */
  onSelect?: (layer: string) => void;
  /** The selected layer (outlined). */
  selected?: string | null;
}

const VIEW_HEIGHT = 380;

function unionBox(boxes: readonly Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
}
const NO_FROZEN: ReadonlySet<string> = new Set();

/**
 * The chosen network drawn as it is: blocks sized by output shape, residual shortcuts as arcs, inception
 * modules collapsible; zoom/pan by wheel, drag and keys; export as SVG or PNG.
 */
export function ArchGraphPanel({ graph, info, frozen = NO_FROZEN, onSelect, selected = null }: Props) {
  // The panel can appear twice (the chosen network and a transfer base): ids must be unique per instance.
  const uid = useId();
  const t = useMessages(graphMessages);
  const fmt = useFormatNumber();
  const lang = useContext(LangContext);
  const compact = useMemo(() => {
    const f = new Intl.NumberFormat(LOCALE[lang], { notation: 'compact', maximumFractionDigits: 1 });
    return (n: number) => f.format(n);
  }, [lang]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  /** The block that holds the graph's one tab stop (roving tabindex); the first block until one is focused. */
  const [rover, setRover] = useState<string | null>(null);
  const [exportError, setExportError] = useState<UserMessage | null>(null);
  const { say } = t;
  /** The graph's size on screen (whole pixels, to tens): long networks wrap into rows to fit it. */
  const [view, setView] = useState<{ width: number; height: number; textScale: number } | null>(null);
  const unwrapped = useMemo(() => layoutArchGraph(graph, info, { expanded }), [graph, info, expanded]);
  const wrap = useMemo(() => (view ? planWrap(unwrapped.bounds, view, LABEL_ROOM_PX * view.textScale) : undefined), [unwrapped, view]);
  const textScale = view?.textScale ?? 1;
  const textScaleRef = useRef(textScale);
  // Before the framing effect below (effects run in order): Fit reads the scale through this ref.
  useEffect(() => {
    textScaleRef.current = textScale;
  }, [textScale]);
  const layout = useMemo(() => (wrap ? layoutArchGraph(graph, info, { expanded, wrap }) : unwrapped), [graph, info, expanded, wrap, unwrapped]);
  const byId = useMemo(() => new Map(layout.nodes.map((n) => [n.id, n])), [layout]);

  const svgRef = useRef<SVGSVGElement>(null);
  const viewportRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<ZoomPanHandle | null>(null);
  const framedGraph = useRef<ArchGraph | null>(null);
  const framedRows = useRef(0);
  const framedScale = useRef(0);
  const labelsRef = useRef<ScreenLabelsHandle>(null);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      // Hidden (another view is shown): keep the last size rather than wrap for nothing.
      if (width < 1 || height < 1) return;
      // The presentation layout enlarges the root type (135 %): labels and Fit's largest scale follow it.
      const textScale = Math.max(1, (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16) / 16);
      const next = { width: Math.round(width / 10) * 10, height: Math.round(height / 10) * 10, textScale };
      setView((prev) => (prev && prev.width === next.width && prev.height === next.height && prev.textScale === next.textScale ? prev : next));
    });
    observer.observe(svg);
    return () => observer.disconnect();
  }, []);
  /** A module just expanded (shown whole once laid out), or '*' after expand/collapse all (fit). */
  const toFrame = useRef<string | null>(null);
  useEffect(() => {
    if (!svgRef.current || !viewportRef.current) return;
    const zoom = zoomRef.current ?? createZoomPan(
        svgRef.current,
        viewportRef.current,
        (t, w, h) => labelsRef.current?.update(t, w, h),
        () => ZOOM.maxFit * textScaleRef.current,
      );
    zoomRef.current = zoom;
    // A new network (or one wrapped anew) is framed afresh; expanding a module keeps the view where the
    // learner was looking.
    zoom.update(layout.bounds, framedGraph.current !== graph || framedRows.current !== layout.rows || framedScale.current !== textScale);
    framedGraph.current = graph;
    framedRows.current = layout.rows;
    framedScale.current = textScale;
    const module = layout.modules.find((m) => m.id === toFrame.current && m.expanded);
    if (toFrame.current === '*') zoom.fit();
    else if (module) zoom.frame(unionBox(module.branches.map((b) => b.box)));
    toFrame.current = null;
  }, [layout, graph, textScale]);
  useEffect(
    () => () => {
      zoomRef.current?.destroy();
      zoomRef.current = null;
    },
    [],
  );

  const toggle = useCallback((id: string) => {
    toFrame.current = id;
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const toggleFromBlock = useCallback(
    (id: string) => {
      toggle(id);
      // The block disappears into its branches: keep keyboard focus on the module's button.
      svgRef.current?.closest('section')?.querySelector<HTMLButtonElement>(`[data-module-toggle="${id}"]`)?.focus();
    },
    [toggle],
  );
  const onActivate = useCallback((id: string, via: 'hover' | 'focus', on: boolean) => {
    if (via === 'focus' && on) setRover(id);
    const set = via === 'hover' ? setHovered : setFocused;
    set((prev) => (on ? id : prev === id ? null : prev));
  }, []);
  const focusedNode = focused ? byId.get(focused) : undefined;
  useEffect(() => {
    if (focusedNode) {
      const n = focusedNode;
      zoomRef.current?.reveal({ x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height });
    }
  }, [focusedNode]);

  const tabStop = rover && byId.has(rover) ? rover : (layout.nodes[0]?.id ?? null);
  /** Arrow keys, Home and End move the focus along the blocks in layer order (Shift+arrows pan). */
  const onGraphKey = (e: ReactKeyboardEvent<SVGSVGElement>) => {
    const from = (e.target as Element).closest('[data-layer]')?.getAttribute('data-layer');
    if (!from || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
    const order = layout.nodes;
    const i = order.findIndex((n) => n.id === from);
    const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity };
    if (i < 0 || !(e.key in step)) return;
    e.preventDefault();
    const j = Math.max(0, Math.min(order.length - 1, Number.isFinite(step[e.key]) ? i + step[e.key] : step[e.key] < 0 ? 0 : order.length - 1));
    setRover(order[j].id);
    svgRef.current?.querySelector<SVGGElement>(`[data-layer="${CSS.escape(order[j].id)}"]`)?.focus();
  };
  const isFrozen = (n: LayoutNode) => frozen.size > 0 && n.layers.every((l) => frozen.has(l));
  const active = hovered ?? focused;
  const activeNode = active ? byId.get(active) : undefined;
  const block = (n: LayoutNode) => (
    <GraphBlock
      key={n.id}
      node={n}
      frozen={isFrozen(n)}
      active={n.id === active}
      description={describeNode(n, t, fmt, isFrozen(n))}
      onActivate={onActivate}
      onToggle={n.kind === 'inception' ? toggleFromBlock : undefined}
      tabStop={n.id === tabStop}
      onSelect={onSelect}
      selected={n.id === selected}
    />
  );
  const inBranch = new Set(layout.modules.flatMap((m) => m.branches.flatMap((b) => b.layers)));

  const exportAs = async (format: 'svg' | 'png') => {
    const svg = svgRef.current;
    if (!svg) return;
    setExportError(null);
    try {
      const markup = graphSvgMarkup(svg, layout.bounds);
      const blob = format === 'svg' ? new Blob([markup], { type: 'image/svg+xml' }) : await svgMarkupToPng(markup, layout.bounds);
      downloadBlob(blob, `${graph.name}-graph.${format}`);
    } catch (error) {
      setExportError(toUserMessage(error));
    }
  };

  return (
    <section className="panel graph-panel" aria-labelledby={`${uid}-heading`} data-testid="arch-graph-panel">
      <h2 id={`${uid}-heading`}>
        {t('graphHeading')}: {graph.name}
      </h2>
      <p className="graph-hint">{t('graphHint')}</p>
      <div className="row graph-toolbar">
        <button type="button" className="secondary" aria-label={t('zoomOut')} title={t('zoomOut')} onClick={() => zoomRef.current?.zoomBy(1 / 1.25)}>
          −
        </button>
        <button type="button" className="secondary" aria-label={t('zoomIn')} title={t('zoomIn')} onClick={() => zoomRef.current?.zoomBy(1.25)}>
          +
        </button>
        <button type="button" className="secondary" data-testid="graph-fit" onClick={() => zoomRef.current?.fit()}>
          {t('fit')}
        </button>
        <button type="button" data-testid="export-svg" onClick={() => void exportAs('svg')}>
          {t('exportSvg')}
        </button>
        <button type="button" data-testid="export-png" onClick={() => void exportAs('png')}>
          {t('exportPng')}
        </button>
      </div>
      {exportError ? (
        <p className="error" role="alert">
          {t('exportFailed')} {say(exportError)}
        </p>
      ) : null}
      {layout.modules.length > 0 ? (
        <ModuleToggles modules={layout.modules} onToggle={toggle} onAll={(all) => {
            toFrame.current = '*';
            setExpanded(new Set(all ? layout.modules.map((m) => m.id) : []));
          }} />
      ) : null}
      <a className="skip-link" href={`#${uid}-details`} data-testid="graph-skip-link">
        {t('skipGraph')}
      </a>
      <svg
        ref={svgRef}
        className="arch-graph"
        data-testid="arch-graph"
        width="100%"
        height={VIEW_HEIGHT}
        tabIndex={-1}
        onKeyDown={onGraphKey}
        role="group"
        aria-label={`${t('graphLabel')} ${graph.name}`}
        aria-describedby={`${uid}-details`}
        fontFamily={GRAPH_FONT}
      >
        <rect data-background x={0} y={0} width="100%" height="100%" fill="#ffffff" />
        <g ref={viewportRef} data-viewport>
          {layout.edges.map((e) => (
            <path key={`${e.from}>${e.to}`} d={e.d} fill="none" stroke={EDGE} strokeWidth={1.2} strokeDasharray={e.kind === 'aux' ? '4 3' : undefined} />
          ))}
          {layout.skips.map((s) => (
            <SkipEdge key={s.block} skip={s} title={describeShortcut(s.block, s.kind, t)} />
          ))}
          {/* Drawn in graph units only in an exported file; on screen ScreenLabels draws them at constant size. */}
          {layout.labels.map((l, i) => (
            <text key={`${l.text}${i}`} data-graph-label x={l.x} y={l.y} fontSize={10} fill={MUTED} textAnchor="middle" display="none">
              {l.text}
            </text>
          ))}
          {layout.modules.flatMap((m) =>
            m.branches.map((b) => {
              const text = describeBranch(b, t, fmt, compact);
              return (
                <InceptionBranchGroup key={`${m.id}:${b.index}`} branch={b} label={text.label} title={text.title}>
                  {b.layers.map((l) => block(byId.get(l) as LayoutNode))}
                </InceptionBranchGroup>
              );
            }),
          )}
          {layout.nodes.filter((n) => !inBranch.has(n.id)).map(block)}
        </g>
        <ScreenLabels ref={labelsRef} labels={layout.labels} scale={textScale} />
      </svg>
      <p id={`${uid}-details`} tabIndex={-1} className="graph-details" data-testid="graph-details" role="status" aria-live="polite">
        {activeNode ? describeNode(activeNode, t, fmt, isFrozen(activeNode)) : t('detailsNone')}
      </p>
      <GraphLegend showShortcuts={layout.skips.length > 0} showFrozen={frozen.size > 0} />
    </section>
  );
}
