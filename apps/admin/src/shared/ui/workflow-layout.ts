/**
 * Layered layout of a state machine for <WorkflowDiagram>, without external libraries.
 *
 * - Columns: BFS distance of each state from the initial state (unreachable states get columns after);
 *   final states sit one column after the deepest state that leads to them.
 * - Edges that skip columns run through small "dummy" slots in the columns between, so they never cross a box.
 * - Row order inside a column: barycenter sweeps, keeping the order with the fewest crossings.
 * - Every edge segment gets a slot in the gap between two columns; its label sits in that slot, and slots
 *   in one gap are spread so labels never overlap. Edges between states of the same column loop out
 *   into the gap on the right of that column.
 * - Edges attach to distinct ports along the box sides, sorted by where they go, to keep lines apart.
 */

export type Measure = (text: string, fontSize: number) => number;

export interface LayoutInput {
  initial: string;
  states: { key: string; label: string; sublabel: string | null; final: boolean }[];
  edges: { id: string; from: string; to: string; label: string; system: boolean }[];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaidOutState extends Box {
  key: string;
  lines: string[];
  sublabel: string | null;
  final: boolean;
  initial: boolean;
}

export interface LaidOutEdge {
  id: string;
  from: string;
  to: string;
  label: string;
  system: boolean;
  path: string;
  labelBox: Box;
}

export interface WorkflowLayout {
  width: number;
  height: number;
  states: LaidOutState[];
  edges: LaidOutEdge[];
  /** Marker pointing at the initial state. */
  start: { cx: number; cy: number; path: string } | null;
}

export const diagramMetrics = {
  stateFont: 13,
  subFont: 11,
  edgeFont: 12,
  lineHeight: 18,
  subHeight: 15,
  padX: 14,
  padY: 10,
  minStateWidth: 96,
  maxTextWidth: 168,
  rowGap: 36,
  dummyHeight: 8,
  dummyGap: 10,
  labelHeight: 20,
  labelPadX: 7,
  thinSlot: 4,
  slotGap: 6,
  gapMargin: 52,
  minGap: 96,
  margin: 16,
  startSpace: 40,
} as const;

const M = diagramMetrics;

interface Item {
  id: string;
  kind: 'state' | 'dummy';
  key: string | null;
  layer: number;
  width: number;
  height: number;
  y: number;
}

interface Segment {
  edge: number;
  gap: number;
  left: string;
  right: string;
  labeled: boolean;
}

interface Slot {
  segment: Segment | null;
  loop: number | null;
  desired: number;
  height: number;
  width: number;
  y: number;
  order: [number, number];
}

/** Splits a label into at most three lines no wider than `max` (by words for Latin text, by characters for Chinese). */
export function wrapText(text: string, max: number, size: number, measure: Measure): string[] {
  if (measure(text, size) <= max) return [text];
  const tokens = /\s/.test(text) ? text.split(/(\s+)/).filter(Boolean) : Array.from(text);
  const lines: string[] = [];
  let current = '';
  for (const token of tokens) {
    const candidate = current + token;
    if (current && measure(candidate.trimEnd(), size) > max) {
      lines.push(current.trim());
      current = token.trimStart();
    } else {
      current = candidate;
    }
  }
  if (current.trim()) lines.push(current.trim());
  if (lines.length <= 3) return lines;
  const kept = lines.slice(0, 3);
  kept[2] = `${kept[2].replace(/.$/u, '')}…`;
  return kept;
}

/** Average of a forward and a backward pass: keeps every slot at least its separation from the next, close to where it wants to be. */
function spread(slots: Slot[]): void {
  const n = slots.length;
  if (n === 0) return;
  const sep = (i: number) => slots[i - 1].height / 2 + M.slotGap + slots[i].height / 2;
  const forward = new Array<number>(n);
  const backward = new Array<number>(n);
  for (let i = 0; i < n; i++) forward[i] = i === 0 ? slots[i].desired : Math.max(slots[i].desired, forward[i - 1] + sep(i));
  for (let i = n - 1; i >= 0; i--) backward[i] = i === n - 1 ? slots[i].desired : Math.min(slots[i].desired, backward[i + 1] - sep(i + 1));
  for (let i = 0; i < n; i++) slots[i].y = (forward[i] + backward[i]) / 2;
}

function curve(ax: number, ay: number, bx: number, by: number): string {
  const dx = (bx - ax) / 2;
  return `C ${r(ax + dx)} ${r(ay)} ${r(bx - dx)} ${r(by)} ${r(bx)} ${r(by)}`;
}

function r(value: number): number {
  return Math.round(value * 10) / 10;
}

export function layoutWorkflow(input: LayoutInput, measure: Measure): WorkflowLayout {
  const stateByKey = new Map(input.states.map((state) => [state.key, state]));
  const edges = input.edges.filter((edge) => stateByKey.has(edge.from) && stateByKey.has(edge.to));

  // 1. Columns by BFS distance from the initial state.
  const outgoing = new Map<string, string[]>();
  for (const edge of edges) outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge.to]);
  const layerOf = new Map<string, number>();
  const discovery: string[] = [];
  const bfs = (root: string, base: number) => {
    layerOf.set(root, base);
    discovery.push(root);
    const queue = [root];
    while (queue.length) {
      const current = queue.shift()!;
      for (const next of outgoing.get(current) ?? []) {
        if (layerOf.has(next)) continue;
        layerOf.set(next, layerOf.get(current)! + 1);
        discovery.push(next);
        queue.push(next);
      }
    }
  };
  if (stateByKey.has(input.initial)) bfs(input.initial, 0);
  for (const state of input.states) {
    if (!layerOf.has(state.key)) bfs(state.key, Math.max(-1, ...layerOf.values()) + 1);
  }
  // Final states have no way out, so moving them changes no other column: each goes one column after the
  // deepest state leading to it, and "close" or "withdraw" arrows from late states run forward, not back across the chart.
  for (const state of input.states) {
    if (!state.final) continue;
    const sources = edges.filter((edge) => edge.to === state.key && edge.from !== state.key).map((edge) => layerOf.get(edge.from)!);
    if (sources.length) layerOf.set(state.key, Math.max(layerOf.get(state.key)!, Math.max(...sources) + 1));
  }
  // Close the gaps that moving may leave.
  const used = [...new Set(layerOf.values())].sort((a, b) => a - b);
  for (const [key, layer] of layerOf) layerOf.set(key, used.indexOf(layer));
  const layerCount = used.length;

  // 2. Items per column (states, then dummies for edges that skip columns) and the segments between columns.
  const items = new Map<string, Item>();
  const layers: string[][] = Array.from({ length: layerCount }, () => []);
  const stateLines = new Map<string, string[]>();
  for (const key of discovery) {
    const state = stateByKey.get(key)!;
    const lines = wrapText(state.label, M.maxTextWidth, M.stateFont, measure);
    stateLines.set(key, lines);
    const textWidth = Math.max(...lines.map((line) => measure(line, M.stateFont)), state.sublabel ? measure(state.sublabel, M.subFont) : 0);
    const item: Item = {
      id: `s:${key}`,
      kind: 'state',
      key,
      layer: layerOf.get(key)!,
      width: Math.max(M.minStateWidth, Math.ceil(textWidth) + 2 * M.padX),
      height: 2 * M.padY + lines.length * M.lineHeight + (state.sublabel ? M.subHeight : 0),
      y: 0,
    };
    items.set(item.id, item);
    layers[item.layer].push(item.id);
  }

  const segments: Segment[] = [];
  const loops: { edge: number; layer: number }[] = [];
  const chains = new Map<number, { direction: 1 | -1; chain: string[]; segments: Segment[] }>();
  edges.forEach((edge, index) => {
    const from = layerOf.get(edge.from)!;
    const to = layerOf.get(edge.to)!;
    if (from === to) {
      loops.push({ edge: index, layer: from });
      return;
    }
    const direction = from < to ? 1 : -1;
    const low = Math.min(from, to);
    const high = Math.max(from, to);
    const chain = [`s:${direction === 1 ? edge.from : edge.to}`];
    for (let layer = low + 1; layer < high; layer++) {
      const id = `d:${index}:${layer}`;
      items.set(id, { id, kind: 'dummy', key: null, layer, width: 0, height: M.dummyHeight, y: 0 });
      layers[layer].push(id);
      chain.push(id);
    }
    chain.push(`s:${direction === 1 ? edge.to : edge.from}`);
    const own: Segment[] = [];
    for (let i = 0; i < chain.length - 1; i++) {
      // The label goes on the segment nearest the state the action leaves.
      const labeled = direction === 1 ? i === 0 : i === chain.length - 2;
      const segment: Segment = { edge: index, gap: low + i, left: chain[i], right: chain[i + 1], labeled };
      own.push(segment);
      segments.push(segment);
    }
    chains.set(index, { direction, chain, segments: own });
  });

  // 3. Order inside columns: barycenter sweeps, keeping the best by crossing count.
  const neighbours = new Map<string, { prev: string[]; next: string[] }>();
  for (const id of items.keys()) neighbours.set(id, { prev: [], next: [] });
  for (const segment of segments) {
    neighbours.get(segment.left)!.next.push(segment.right);
    neighbours.get(segment.right)!.prev.push(segment.left);
  }
  const positions = () => {
    const map = new Map<string, number>();
    layers.forEach((layer) => layer.forEach((id, index) => map.set(id, index)));
    return map;
  };
  const crossings = () => {
    const pos = positions();
    let total = 0;
    for (let gap = 0; gap < layerCount - 1; gap++) {
      const inGap = segments.filter((segment) => segment.gap === gap);
      for (let i = 0; i < inGap.length; i++) {
        for (let j = i + 1; j < inGap.length; j++) {
          const a = (pos.get(inGap[i].left)! - pos.get(inGap[j].left)!) * (pos.get(inGap[i].right)! - pos.get(inGap[j].right)!);
          if (a < 0) total++;
        }
      }
    }
    return total;
  };
  const reorder = (layer: number, side: 'prev' | 'next') => {
    const pos = positions();
    const keyed = layers[layer].map((id, index) => {
      const around = neighbours.get(id)![side];
      const bary = around.length ? around.reduce((sum, other) => sum + pos.get(other)!, 0) / around.length : index;
      return { id, bary, index };
    });
    keyed.sort((a, b) => a.bary - b.bary || a.index - b.index);
    layers[layer] = keyed.map((entry) => entry.id);
  };
  let best = layers.map((layer) => [...layer]);
  let bestCrossings = crossings();
  for (let iteration = 0; iteration < 8 && bestCrossings > 0; iteration++) {
    if (iteration % 2 === 0) for (let layer = 1; layer < layerCount; layer++) reorder(layer, 'prev');
    else for (let layer = layerCount - 2; layer >= 0; layer--) reorder(layer, 'next');
    const now = crossings();
    if (now < bestCrossings) {
      bestCrossings = now;
      best = layers.map((layer) => [...layer]);
    }
  }
  best.forEach((layer, index) => (layers[index] = layer));

  // 4. Boxes grow when many edges attach to one side.
  const attachCount = new Map<string, { left: number; right: number }>();
  for (const id of items.keys()) attachCount.set(id, { left: 0, right: 0 });
  for (const segment of segments) {
    attachCount.get(segment.left)!.right++;
    attachCount.get(segment.right)!.left++;
  }
  for (const loop of loops) {
    const edge = edges[loop.edge];
    attachCount.get(`s:${edge.from}`)!.right++;
    attachCount.get(`s:${edge.to}`)!.right++;
  }
  const initialCount = attachCount.get(`s:${input.initial}`);
  if (initialCount) initialCount.left++;
  for (const item of items.values()) {
    if (item.kind !== 'state') continue;
    const count = attachCount.get(item.id)!;
    item.height = Math.max(item.height, (Math.max(count.left, count.right) + 1) * 9);
  }

  // 5. Vertical stacking, each column centred on the tallest one.
  const layerHeight = layers.map((layer) =>
    layer.reduce((sum, id, index) => {
      const item = items.get(id)!;
      const previous = index > 0 ? items.get(layer[index - 1])! : null;
      const gap = previous ? (previous.kind === 'state' && item.kind === 'state' ? M.rowGap : M.dummyGap) : 0;
      return sum + gap + item.height;
    }, 0),
  );
  const tallest = Math.max(0, ...layerHeight);
  layers.forEach((layer, index) => {
    let y = (tallest - layerHeight[index]) / 2;
    layer.forEach((id, position) => {
      const item = items.get(id)!;
      const previous = position > 0 ? items.get(layer[position - 1])! : null;
      if (previous) y += previous.kind === 'state' && item.kind === 'state' ? M.rowGap : M.dummyGap;
      item.y = y;
      y += item.height;
    });
  });
  const centre = (id: string) => items.get(id)!.y + items.get(id)!.height / 2;

  // 6. Slots in the gaps between columns (and after the last one, for loops there).
  const pos = positions();
  const gaps: Slot[][] = Array.from({ length: layerCount }, () => []);
  for (const segment of segments) {
    const edge = edges[segment.edge];
    gaps[segment.gap].push({
      segment,
      loop: null,
      desired: (centre(segment.left) + centre(segment.right)) / 2,
      height: segment.labeled ? M.labelHeight : M.thinSlot,
      width: segment.labeled ? Math.ceil(measure(edge.label, M.edgeFont)) + 2 * M.labelPadX : 0,
      y: 0,
      order: [pos.get(segment.left)!, pos.get(segment.right)!],
    });
  }
  for (const loop of loops) {
    const edge = edges[loop.edge];
    const from = `s:${edge.from}`;
    const to = `s:${edge.to}`;
    gaps[loop.layer].push({
      segment: null,
      loop: loop.edge,
      desired: (centre(from) + centre(to)) / 2,
      height: M.labelHeight,
      width: Math.ceil(measure(edge.label, M.edgeFont)) + 2 * M.labelPadX,
      y: 0,
      order: [Math.min(pos.get(from)!, pos.get(to)!), Math.max(pos.get(from)!, pos.get(to)!)],
    });
  }
  for (const slots of gaps) {
    slots.sort((a, b) => a.desired - b.desired || a.order[0] - b.order[0] || a.order[1] - b.order[1]);
    spread(slots);
  }

  // Everything moves down so the topmost thing sits at the margin.
  let minY = 0;
  let maxY = tallest;
  for (const slots of gaps) {
    for (const slot of slots) {
      minY = Math.min(minY, slot.y - slot.height / 2);
      maxY = Math.max(maxY, slot.y + slot.height / 2);
    }
  }
  const shift = M.margin - minY;
  for (const item of items.values()) item.y += shift;
  for (const slots of gaps) for (const slot of slots) slot.y += shift;
  const height = maxY - minY + 2 * M.margin;

  // 7. Columns and gaps from left to right.
  const columnWidth = layers.map((layer) => Math.max(24, ...layer.map((id) => items.get(id)!.width)));
  const gapWidth = gaps.map((slots, index) => {
    if (slots.length === 0) return index < layerCount - 1 ? M.minGap : 0;
    return Math.max(M.minGap, Math.max(0, ...slots.map((slot) => slot.width)) + 2 * M.gapMargin);
  });
  const columnX: number[] = [];
  const gapX: number[] = [];
  let x = M.margin + M.startSpace;
  for (let layer = 0; layer < layerCount; layer++) {
    columnX.push(x);
    x += columnWidth[layer];
    gapX.push(x);
    x += gapWidth[layer];
  }
  const width = x + M.margin;
  const left = (id: string) => {
    const item = items.get(id)!;
    return item.kind === 'dummy' ? columnX[item.layer] : columnX[item.layer] + (columnWidth[item.layer] - item.width) / 2;
  };
  const right = (id: string) => {
    const item = items.get(id)!;
    return item.kind === 'dummy' ? columnX[item.layer] + columnWidth[item.layer] : left(id) + item.width;
  };

  // 8. Ports: attachments along each side, in the order of the slots they lead to.
  type Attachment = { ref: Slot | 'start'; other: number; tie: number };
  const sides = new Map<string, { left: Attachment[]; right: Attachment[] }>();
  for (const id of items.keys()) sides.set(id, { left: [], right: [] });
  gaps.forEach((slots) =>
    slots.forEach((slot, index) => {
      if (slot.segment) {
        sides.get(slot.segment.left)!.right.push({ ref: slot, other: slot.y, tie: index });
        sides.get(slot.segment.right)!.left.push({ ref: slot, other: slot.y, tie: index });
      } else if (slot.loop !== null) {
        const edge = edges[slot.loop];
        const fromSide = sides.get(`s:${edge.from}`)!.right;
        const toSide = sides.get(`s:${edge.to}`)!.right;
        // A self-loop leaves above and returns below.
        fromSide.push({ ref: slot, other: slot.y - (edge.from === edge.to ? 0.5 : 0), tie: index });
        toSide.push({ ref: slot, other: slot.y + (edge.from === edge.to ? 0.5 : 0), tie: index + 0.5 });
      }
    }),
  );
  const startItem = items.get(`s:${input.initial}`);
  if (startItem) sides.get(startItem.id)!.left.push({ ref: 'start', other: centre(startItem.id), tie: -1 });
  const portY = new Map<Slot | 'start', { from?: number; to?: number; left?: number; right?: number }>();
  const note = (ref: Slot | 'start', field: 'from' | 'to' | 'left' | 'right', y: number) => {
    const entry = portY.get(ref) ?? {};
    if (entry[field] === undefined) entry[field] = y;
    else if (field === 'from') entry.to = y;
    portY.set(ref, entry);
  };
  for (const [id, side] of sides) {
    const item = items.get(id)!;
    for (const which of ['left', 'right'] as const) {
      const list = side[which].sort((a, b) => a.other - b.other || a.tie - b.tie);
      list.forEach((attachment, index) => {
        const y = item.kind === 'dummy' ? item.y + item.height / 2 : item.y + (item.height * (index + 1)) / (list.length + 1);
        if (attachment.ref !== 'start' && attachment.ref.loop !== null) {
          const edge = edges[attachment.ref.loop];
          const isFrom = `s:${edge.from}` === id && portY.get(attachment.ref)?.from === undefined;
          note(attachment.ref, isFrom ? 'from' : 'to', y);
        } else {
          note(attachment.ref, which === 'right' ? 'left' : 'right', y);
        }
      });
    }
  }

  // 9. Paths.
  const gapCentre = (gap: number) => gapX[gap] + gapWidth[gap] / 2;
  const labelBoxOf = (slot: Slot, gap: number): Box => ({
    x: gapCentre(gap) - slot.width / 2,
    y: slot.y - slot.height / 2,
    width: slot.width,
    height: slot.height,
  });
  const slotOf = new Map<Segment, { slot: Slot; gap: number }>();
  gaps.forEach((slots, gap) => slots.forEach((slot) => slot.segment && slotOf.set(slot.segment, { slot, gap })));

  const laidOutEdges: LaidOutEdge[] = edges.map((edge, index) => {
    const chain = chains.get(index);
    let path = '';
    let labelBox: Box = { x: 0, y: 0, width: 0, height: 0 };
    if (chain) {
      const ordered = chain.direction === 1 ? chain.segments : [...chain.segments].reverse();
      ordered.forEach((segment, position) => {
        const { slot, gap } = slotOf.get(segment)!;
        const ports = portY.get(slot)!;
        const box = labelBoxOf(slot, gap);
        if (segment.labeled) labelBox = box;
        const a = chain.direction === 1 ? { x: right(segment.left), y: ports.left! } : { x: left(segment.right), y: ports.right! };
        const b = chain.direction === 1 ? { x: left(segment.right), y: ports.right! } : { x: right(segment.left), y: ports.left! };
        const entryX = segment.labeled ? (chain.direction === 1 ? box.x : box.x + box.width) : gapCentre(gap);
        const exitX = segment.labeled ? (chain.direction === 1 ? box.x + box.width : box.x) : gapCentre(gap);
        if (position === 0) path += `M ${r(a.x)} ${r(a.y)} `;
        path += `${curve(a.x, a.y, entryX, slot.y)} `;
        if (exitX !== entryX) path += `L ${r(exitX)} ${r(slot.y)} `;
        path += `${curve(exitX, slot.y, b.x, b.y)} `;
        // Straight through a dummy slot to the next gap.
        const through = chain.direction === 1 ? segment.right : segment.left;
        if (items.get(through)!.kind === 'dummy') path += `L ${r(chain.direction === 1 ? right(through) : left(through))} ${r(b.y)} `;
      });
    } else {
      const gapIndex = layerOf.get(edge.from)!;
      const slot = gaps[gapIndex].find((candidate) => candidate.loop === index)!;
      const ports = portY.get(slot)!;
      const box = labelBoxOf(slot, gapIndex);
      labelBox = box;
      const ax = right(`s:${edge.from}`);
      const bx = right(`s:${edge.to}`);
      const ay = ports.from!;
      const by = ports.to ?? ports.from!;
      const tipTop = ay <= by ? slot.y - 4 : slot.y + 4;
      const tipBottom = ay <= by ? slot.y + 4 : slot.y - 4;
      path = `M ${r(ax)} ${r(ay)} ${curve(ax, ay, box.x, tipTop)} L ${r(box.x)} ${r(tipBottom)} ${curve(box.x, tipBottom, bx, by)}`;
    }
    return { id: edge.id, from: edge.from, to: edge.to, label: edge.label, system: edge.system, path: path.trim(), labelBox };
  });

  const laidOutStates: LaidOutState[] = input.states
    .filter((state) => items.has(`s:${state.key}`))
    .map((state) => {
      const item = items.get(`s:${state.key}`)!;
      return {
        key: state.key,
        lines: stateLines.get(state.key)!,
        sublabel: state.sublabel,
        final: state.final,
        initial: state.key === input.initial,
        x: left(item.id),
        y: item.y,
        width: item.width,
        height: item.height,
      };
    });

  let start: WorkflowLayout['start'] = null;
  if (startItem) {
    const y = portY.get('start')?.right ?? centre(startItem.id);
    const cx = M.margin + 7;
    start = { cx, cy: y, path: `M ${r(cx + 7)} ${r(y)} L ${r(left(startItem.id))} ${r(y)}` };
  }

  return { width: Math.ceil(width), height: Math.ceil(height), states: laidOutStates, edges: laidOutEdges, start };
}
