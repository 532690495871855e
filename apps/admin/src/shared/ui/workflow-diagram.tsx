import { useId, useMemo, type ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { localize, type Locale, type WorkflowDefinitionJson } from '@guantong/contracts';
import { translate } from '../i18n.tsx';
import { deadlineLengthText } from '../labels.ts';
import { diagramMetrics, layoutWorkflow, type Measure } from './workflow-layout.ts';

const FONT_FAMILY = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Segoe UI", Arial, sans-serif';

const colors = {
  stateFill: '#f4f8ff',
  stateStroke: '#8fb3e8',
  stateText: '#1f2d3d',
  subText: '#5f6b7a',
  finalStroke: '#4a5866',
  currentFill: '#1f5fbf',
  currentStroke: '#123f85',
  currentText: '#ffffff',
  currentSub: '#d6e4ff',
  edge: '#6f7c8f',
  systemEdge: '#9aa3af',
  labelFill: '#ffffff',
  labelStroke: '#d5dbe3',
  labelText: '#36414f',
};

let canvasContext: CanvasRenderingContext2D | null | undefined;
const widthCache = new Map<string, number>();

/** Text width in the diagram font: measured on a canvas, estimated where there is none. */
const measureText: Measure = (text, size) => {
  const cacheKey = `${size}|${text}`;
  const cached = widthCache.get(cacheKey);
  if (cached !== undefined) return cached;
  if (canvasContext === undefined) {
    canvasContext = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  }
  let width: number;
  if (canvasContext) {
    canvasContext.font = `${size}px ${FONT_FAMILY}`;
    width = canvasContext.measureText(text).width;
  } else {
    width = Array.from(text).reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? size : size * 0.6), 0);
  }
  widthCache.set(cacheKey, width);
  return width;
};

export interface WorkflowDiagramProps {
  definition: WorkflowDefinitionJson;
  /** State to highlight, e.g. the record's current status. */
  current?: string | null;
  locale: Locale;
  /** Hides the legend below the drawing. */
  hideLegend?: boolean;
}

/**
 * Any workflow definition as an SVG flowchart: states in columns by distance from the initial state,
 * final states with a double border, the current state filled, deadlines under the state name,
 * one labelled arrow per action and source state (actions the system takes are dashed).
 */
export function WorkflowDiagram({ definition, current, locale, hideLegend }: WorkflowDiagramProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(locale, key, vars);

  const layout = useMemo(
    () =>
      layoutWorkflow(
        {
          initial: definition.initial,
          states: definition.states.map((state) => ({
            key: state.key,
            label: localize(state.label, locale),
            sublabel: state.deadline ? deadlineLengthText(state.deadline.length, state.deadline.basis, locale) : null,
            final: state.final,
          })),
          edges: definition.actions.flatMap((action) =>
            action.from.map((from) => ({
              id: `${action.key}:${from}`,
              from,
              to: action.to,
              label: localize(action.label, locale),
              system: action.roles === 'system',
            })),
          ),
        },
        measureText,
      ),
    [definition, locale],
  );

  const stateLabel = (key: string) => {
    const state = definition.states.find((candidate) => candidate.key === key);
    return state ? localize(state.label, locale) : key;
  };
  const title = localize(definition.label, locale);
  const arrow = `gt-arrow-${uid}`;
  const arrowMuted = `gt-arrow-muted-${uid}`;
  const { stateFont, subFont, edgeFont, lineHeight, padY } = diagramMetrics;

  return (
    <div data-testid="workflow-diagram" data-workflow={definition.id}>
      <div style={{ overflowX: 'auto', overflowY: 'hidden', maxWidth: '100%' }}>
        <svg
          role="img"
          aria-label={t('workflow.diagramAria', { name: title })}
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          style={{ display: 'block', fontFamily: FONT_FAMILY }}
        >
          <title>{title}</title>
          <defs>
            <marker id={arrow} viewBox="0 0 10 10" refX="9.5" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill={colors.edge} />
            </marker>
            <marker id={arrowMuted} viewBox="0 0 10 10" refX="9.5" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill={colors.systemEdge} />
            </marker>
          </defs>

          {layout.start ? (
            <g aria-hidden="true">
              <circle cx={layout.start.cx} cy={layout.start.cy} r={6} fill={colors.stateText} />
              <path d={layout.start.path} stroke={colors.edge} strokeWidth={1.4} fill="none" markerEnd={`url(#${arrow})`} />
            </g>
          ) : null}

          {layout.edges.map((edge) => (
            <path
              key={`path-${edge.id}`}
              d={edge.path}
              fill="none"
              stroke={edge.system ? colors.systemEdge : colors.edge}
              strokeWidth={1.4}
              strokeDasharray={edge.system ? '5 4' : undefined}
              markerEnd={`url(#${edge.system ? arrowMuted : arrow})`}
            >
              <title>{`${edge.label}: ${stateLabel(edge.from)} → ${stateLabel(edge.to)}${edge.system ? ` (${t('workflow.systemAction')})` : ''}`}</title>
            </path>
          ))}

          {layout.edges.map((edge) => (
            <g key={`label-${edge.id}`} data-testid={`workflow-action-${edge.id}`}>
              <title>{`${edge.label}: ${stateLabel(edge.from)} → ${stateLabel(edge.to)}${edge.system ? ` (${t('workflow.systemAction')})` : ''}`}</title>
              <rect
                x={edge.labelBox.x}
                y={edge.labelBox.y}
                width={edge.labelBox.width}
                height={edge.labelBox.height}
                rx={4}
                fill={colors.labelFill}
                stroke={edge.system ? colors.systemEdge : colors.labelStroke}
                strokeDasharray={edge.system ? '3 2' : undefined}
              />
              <text
                x={edge.labelBox.x + edge.labelBox.width / 2}
                y={edge.labelBox.y + edge.labelBox.height / 2}
                textAnchor="middle"
                dominantBaseline="central"
                fontSize={edgeFont}
                fill={edge.system ? colors.systemEdge : colors.labelText}
                fontStyle={edge.system ? 'italic' : undefined}
              >
                {edge.label}
              </text>
            </g>
          ))}

          {layout.states.map((state) => {
            const isCurrent = current === state.key;
            const textColor = isCurrent ? colors.currentText : colors.stateText;
            const textTop = state.y + padY + lineHeight / 2 + (state.height - (2 * padY + state.lines.length * lineHeight + (state.sublabel ? diagramMetrics.subHeight : 0))) / 2;
            return (
              <g key={state.key} data-testid={`workflow-state-${state.key}`} data-current={isCurrent ? 'true' : undefined} data-final={state.final ? 'true' : undefined}>
                <title>
                  {[localize(definition.states.find((candidate) => candidate.key === state.key)!.label, locale), isCurrent ? t('workflow.currentState') : null, state.final ? t('workflow.finalState') : null, state.initial ? t('workflow.initialState') : null]
                    .filter(Boolean)
                    .join(' · ')}
                </title>
                {isCurrent ? (
                  <rect x={state.x - 4} y={state.y - 4} width={state.width + 8} height={state.height + 8} rx={10} fill="none" stroke={colors.currentFill} strokeOpacity={0.3} strokeWidth={3} />
                ) : null}
                <rect
                  x={state.x}
                  y={state.y}
                  width={state.width}
                  height={state.height}
                  rx={7}
                  fill={isCurrent ? colors.currentFill : colors.stateFill}
                  stroke={isCurrent ? colors.currentStroke : state.final ? colors.finalStroke : colors.stateStroke}
                  strokeWidth={state.final ? 1.6 : 1.4}
                />
                {state.final ? (
                  <rect
                    x={state.x + 3.5}
                    y={state.y + 3.5}
                    width={state.width - 7}
                    height={state.height - 7}
                    rx={5}
                    fill="none"
                    stroke={isCurrent ? colors.currentText : colors.finalStroke}
                    strokeWidth={1.2}
                  />
                ) : null}
                {state.lines.map((line, index) => (
                  <text
                    key={index}
                    x={state.x + state.width / 2}
                    y={textTop + index * lineHeight}
                    textAnchor="middle"
                    dominantBaseline="central"
                    fontSize={stateFont}
                    fontWeight={600}
                    fill={textColor}
                  >
                    {line}
                  </text>
                ))}
                {state.sublabel ? (
                  <text
                    x={state.x + state.width / 2}
                    y={textTop + state.lines.length * lineHeight - 2}
                    textAnchor="middle"
                    dominantBaseline="central"
                    fontSize={subFont}
                    fill={isCurrent ? colors.currentSub : colors.subText}
                  >
                    {state.sublabel}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
      {hideLegend ? null : (
        <Flex gap={16} wrap style={{ marginTop: 8 }} aria-hidden="true">
          <LegendItem swatch={<rect x={1} y={2} width={22} height={12} rx={3} fill={colors.currentFill} />} text={t('workflow.legendCurrent')} />
          <LegendItem
            swatch={
              <>
                <rect x={1} y={2} width={22} height={12} rx={3} fill={colors.stateFill} stroke={colors.finalStroke} />
                <rect x={3.5} y={4.5} width={17} height={7} rx={2} fill="none" stroke={colors.finalStroke} />
              </>
            }
            text={t('workflow.legendFinal')}
          />
          <LegendItem swatch={<path d="M 1 8 L 23 8" stroke={colors.systemEdge} strokeDasharray="4 3" strokeWidth={1.5} />} text={t('workflow.legendSystem')} />
        </Flex>
      )}
    </div>
  );
}

function LegendItem({ swatch, text }: { swatch: ReactNode; text: string }) {
  return (
    <Flex align="center" gap={6}>
      <svg width={24} height={16} style={{ display: 'block' }}>
        {swatch}
      </svg>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {text}
      </Typography.Text>
    </Flex>
  );
}
