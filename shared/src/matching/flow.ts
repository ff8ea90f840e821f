/**
 * Exact maximum-weight b-matching of unit-demand left nodes (mentees) to capacitated right nodes
 * (mentors) as a min-cost maximum flow: source → mentee (1) → mentor (edge, 1) → sink (capacity).
 *
 * Objective, lexicographic: first as many mentees assigned as the capacities allow, then the greatest
 * total weight among all such assignments. That is what min-cost *maximum* flow gives, and it is what a
 * curator wants: a better score is never bought by leaving a mentee without a mentor.
 *
 * Method: primal-dual successive shortest paths. Edge costs are `maxWeight − weight` (every augmenting
 * path crosses exactly one more mentee→mentor edge forwards than backwards, so the shift by a constant
 * changes every path cost equally and keeps all costs non-negative). Each phase runs Dijkstra with
 * Johnson potentials, then augments a blocking flow (Dinic-style, on BFS levels) over the arcs of zero
 * reduced cost, so one Dijkstra serves many augmentations. Weights must be integers so reduced costs
 * are exact.
 */

export interface FlowEdge {
  /** Index of the mentee (left node). */
  left: number;
  /** Index of the mentor (right node). */
  right: number;
  /** Non-negative integer weight (the match score). */
  weight: number;
}

export interface FlowResult {
  /** For each left node, the index of the edge it was assigned by, or −1. */
  edgeOf: Int32Array;
  assigned: number;
  totalWeight: number;
}

const INF = Number.MAX_SAFE_INTEGER;

/*
 * Typed arrays below are indexed only inside their bounds; `?? 0` satisfies the index checks of the
 * compiler and never fires.
 */

/** A binary min-heap of (key, node) with lazy deletion, on typed arrays. */
class Heap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
  }
  push(key: number, node: number) {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      const nodes = new Int32Array(this.size * 2);
      keys.set(this.keys);
      nodes.set(this.nodes);
      this.keys = keys;
      this.nodes = nodes;
    }
    const { keys, nodes } = this;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p] ?? 0;
      if (pk <= key) break;
      keys[i] = pk;
      nodes[i] = nodes[p] ?? 0;
      i = p;
    }
    keys[i] = key;
    nodes[i] = node;
  }
  /** Removes the minimum; read it first with `topKey`/`topNode`. */
  pop() {
    const { keys, nodes } = this;
    const last = --this.size;
    const key = keys[last] ?? 0;
    const node = nodes[last] ?? 0;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && (keys[c + 1] ?? 0) < (keys[c] ?? 0)) c++;
      const ck = keys[c] ?? 0;
      if (ck >= key) break;
      keys[i] = ck;
      nodes[i] = nodes[c] ?? 0;
      i = c;
    }
    keys[i] = key;
    nodes[i] = node;
  }
  topKey() {
    return this.keys[0] ?? 0;
  }
  topNode() {
    return this.nodes[0] ?? 0;
  }
}

export function solveAssignment(
  leftCount: number,
  capacities: ArrayLike<number>,
  edges: readonly FlowEdge[],
): FlowResult {
  const rightCount = capacities.length;
  const source = leftCount + rightCount;
  const sink = source + 1;
  const nodeCount = sink + 1;
  let maxWeight = 0;
  for (const e of edges) {
    if (!Number.isInteger(e.weight) || e.weight < 0) throw new Error('weight must be a non-negative integer');
    maxWeight = Math.max(maxWeight, e.weight);
  }

  // Arcs in compressed rows: those leaving node v sit at [start[v], start[v + 1]); rev[p] is the
  // position of the reverse arc, so the hot loops walk contiguous memory without an index table.
  const arcCount = 2 * (leftCount + edges.length + rightCount);
  const start = new Int32Array(nodeCount + 1);
  const count = (v: number) => (start[v + 1] = (start[v + 1] ?? 0) + 1);
  for (let i = 0; i < leftCount; i++) {
    count(source);
    count(i);
  }
  for (const e of edges) {
    count(e.left);
    count(leftCount + e.right);
  }
  for (let j = 0; j < rightCount; j++) {
    count(leftCount + j);
    count(sink);
  }
  for (let v = 0; v < nodeCount; v++) start[v + 1] = (start[v + 1] ?? 0) + (start[v] ?? 0);
  const fill = start.slice(0, nodeCount);
  const head = new Int32Array(arcCount);
  const tail = new Int32Array(arcCount);
  const rev = new Int32Array(arcCount);
  const cap = new Int32Array(arcCount);
  const cost = new Float64Array(arcCount);
  const addArc = (from: number, to: number, c: number, w: number) => {
    const p = fill[from] ?? 0;
    const q = fill[to] ?? 0;
    fill[from] = p + 1;
    fill[to] = q + 1;
    tail[p] = from;
    head[p] = to;
    cap[p] = c;
    cost[p] = w;
    rev[p] = q;
    tail[q] = to;
    head[q] = from;
    cap[q] = 0;
    cost[q] = -w;
    rev[q] = p;
    return p;
  };
  // A mentor's arc to the sink comes first in its row: the searches below look at it alone.
  for (let j = 0; j < rightCount; j++) addArc(leftCount + j, sink, Math.max(0, capacities[j] ?? 0), 0);
  for (let i = 0; i < leftCount; i++) addArc(source, i, 1, 0);
  const edgeArc = new Int32Array(edges.length);
  edges.forEach((e, k) => {
    edgeArc[k] = addArc(e.left, leftCount + e.right, 1, maxWeight - e.weight);
  });

  const potential = new Float64Array(nodeCount);
  const dist = new Float64Array(nodeCount);
  const level = new Int32Array(nodeCount);
  const iter = new Int32Array(nodeCount);
  const queue = new Int32Array(nodeCount);
  const heap = new Heap(arcCount + nodeCount);

  const dijkstra = (): boolean => {
    dist.fill(INF);
    dist[source] = 0;
    heap.size = 0;
    heap.push(0, source);
    while (heap.size) {
      const d = heap.topKey();
      const u = heap.topNode();
      heap.pop();
      if (d > (dist[u] ?? INF)) continue;
      const base = d + (potential[u] ?? 0);
      const end = start[u + 1] ?? 0;
      for (let p = start[u] ?? 0; p < end; p++) {
        if ((cap[p] ?? 0) <= 0) continue;
        const v = head[p] ?? 0;
        const nd = base + (cost[p] ?? 0) - (potential[v] ?? 0);
        if (nd < (dist[v] ?? INF)) {
          dist[v] = nd;
          heap.push(nd, v);
        }
      }
    }
    if (dist[sink] === INF) return false;
    for (let v = 0; v < nodeCount; v++) {
      const d = dist[v] ?? INF;
      if (d < INF) potential[v] = (potential[v] ?? 0) + d;
    }
    return true;
  };

  const admissible = (p: number, pu: number) =>
    (cap[p] ?? 0) > 0 && (cost[p] ?? 0) + pu === (potential[head[p] ?? 0] ?? 0);

  // BFS levels over admissible arcs (residual, zero reduced cost: on some shortest path), so that the
  // search for paths cannot go round a zero-cost cycle. Level by level: once a mentor of the frontier
  // reaches the sink, the sink's level is known and nothing deeper is useful.
  const bfs = (): boolean => {
    level.fill(-1);
    level[source] = 0;
    queue[0] = source;
    let from = 0;
    let to = 1;
    for (let depth = 1; from < to; depth++) {
      for (let i = from; i < to; i++) {
        const u = queue[i] ?? 0;
        if (u >= leftCount && u < source && admissible(start[u] ?? 0, potential[u] ?? 0)) {
          level[sink] = depth;
          return true;
        }
      }
      let qt = to;
      for (let i = from; i < to; i++) {
        const u = queue[i] ?? 0;
        const pu = potential[u] ?? 0;
        const end = start[u + 1] ?? 0;
        for (let p = start[u] ?? 0; p < end; p++) {
          const v = head[p] ?? 0;
          if (level[v] === -1 && admissible(p, pu)) {
            level[v] = depth;
            queue[qt++] = v;
          }
        }
      }
      from = to;
      to = qt;
    }
    return false;
  };

  // One unit along admissible arcs by iterative DFS (every path carries one unit: a mentee's demand).
  const pathArcs = new Int32Array(nodeCount);
  const augment = (): boolean => {
    let depth = 0;
    let u = source;
    for (;;) {
      if (u === sink) {
        for (let i = 0; i < depth; i++) {
          const p = pathArcs[i] ?? 0;
          const q = rev[p] ?? 0;
          cap[p] = (cap[p] ?? 0) - 1;
          cap[q] = (cap[q] ?? 0) + 1;
        }
        return true;
      }
      const next = (level[u] ?? 0) + 1;
      const pu = potential[u] ?? 0;
      const end = start[u + 1] ?? 0;
      let p = iter[u] ?? 0;
      for (; p < end; p++) if (level[head[p] ?? 0] === next && admissible(p, pu)) break;
      iter[u] = p;
      if (p < end) {
        pathArcs[depth++] = p;
        u = head[p] ?? 0;
        continue;
      }
      // Dead end: never enter this node again in this phase, and step back.
      level[u] = -1;
      if (depth === 0) return false;
      const back = pathArcs[--depth] ?? 0;
      u = tail[back] ?? 0;
      iter[u] = back + 1;
    }
  };

  while (dijkstra()) {
    while (bfs()) {
      iter.set(start.subarray(0, nodeCount));
      while (augment());
    }
  }

  const edgeOf = new Int32Array(leftCount).fill(-1);
  let assigned = 0;
  let totalWeight = 0;
  edges.forEach((e, k) => {
    if (cap[edgeArc[k] ?? 0] === 0) {
      edgeOf[e.left] = k;
      assigned++;
      totalWeight += e.weight;
    }
  });
  return { edgeOf, assigned, totalWeight };
}
