import { describe, expect, it } from 'vitest';
import { solveAssignment, type FlowEdge } from '../flow.js';

/** A small seeded generator so a failing instance can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Exhaustive search: every mentee takes one of its edges or none; best (assigned, weight) wins. */
function bruteForce(left: number, capacities: number[], edges: FlowEdge[]) {
  const byLeft = Array.from({ length: left }, (_, i) => edges.filter((e) => e.left === i));
  const free = [...capacities];
  let best = { assigned: 0, weight: 0 };
  const walk = (i: number, assigned: number, weight: number) => {
    if (i === left) {
      if (assigned > best.assigned || (assigned === best.assigned && weight > best.weight))
        best = { assigned, weight };
      return;
    }
    walk(i + 1, assigned, weight);
    for (const e of byLeft[i] ?? []) {
      const places = free[e.right] ?? 0;
      if (places > 0) {
        free[e.right] = places - 1;
        walk(i + 1, assigned + 1, weight + e.weight);
        free[e.right] = places;
      }
    }
  };
  walk(0, 0, 0);
  return best;
}

function randomInstance(random: () => number) {
  const left = 1 + Math.floor(random() * 7);
  const right = 1 + Math.floor(random() * 4);
  const capacities = Array.from({ length: right }, () => Math.floor(random() * 4));
  const density = 0.2 + random() * 0.8;
  const edges: FlowEdge[] = [];
  for (let i = 0; i < left; i++)
    for (let j = 0; j < right; j++)
      if (random() < density) edges.push({ left: i, right: j, weight: Math.floor(random() * 101) });
  return { left, capacities, edges };
}

describe('solveAssignment (min-cost maximum flow)', () => {
  it('matches an exhaustive search on 1,500 random small instances', () => {
    const random = rng(20261129);
    for (let n = 0; n < 1500; n++) {
      const { left, capacities, edges } = randomInstance(random);
      const result = solveAssignment(left, capacities, edges);
      const best = bruteForce(left, capacities, edges);
      const label = `instance ${n}: ${JSON.stringify({ left, capacities, edges })}`;
      expect({ assigned: result.assigned, weight: result.totalWeight }, label).toEqual(best);
      // The assignment itself respects capacities and uses real edges of its mentee.
      const used = capacities.map(() => 0);
      let weight = 0;
      result.edgeOf.forEach((k, i) => {
        const edge = edges[k];
        if (!edge) return;
        expect(edge.left, label).toBe(i);
        used[edge.right] = (used[edge.right] ?? 0) + 1;
        weight += edge.weight;
      });
      used.forEach((u, j) => expect(u, label).toBeLessThanOrEqual(capacities[j] ?? 0));
      expect(weight, label).toBe(result.totalWeight);
    }
  });

  it('prefers assigning one more mentee to a higher total score', () => {
    // A alone with X scores 90; A with Y (80) and B with X (5) score less but match both.
    const edges = [
      { left: 0, right: 0, weight: 90 },
      { left: 0, right: 1, weight: 80 },
      { left: 1, right: 0, weight: 5 },
    ];
    const result = solveAssignment(2, [1, 1], edges);
    expect(result.assigned).toBe(2);
    expect(result.totalWeight).toBe(85);
  });

  it('gives the place to the better mentee when only one can be assigned', () => {
    const edges = [
      { left: 0, right: 0, weight: 10 },
      { left: 1, right: 0, weight: 90 },
    ];
    const result = solveAssignment(2, [1], edges);
    expect([...result.edgeOf]).toEqual([-1, 1]);
  });

  it('handles no edges, zero capacities and refuses fractional weights', () => {
    expect(solveAssignment(3, [2], []).assigned).toBe(0);
    expect(solveAssignment(1, [0], [{ left: 0, right: 0, weight: 50 }]).assigned).toBe(0);
    expect(() => solveAssignment(1, [1], [{ left: 0, right: 0, weight: 0.5 }])).toThrow();
  });
});
