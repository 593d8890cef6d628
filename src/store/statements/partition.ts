// Statements from the echo graph. Nodes are text classes (exact copies: same words, same speaker
// scope); edges are the matches between them. Within a connected component, classes of resolved
// speakers group by their own edges (those only join one speaker); a group of unresolved classes
// joins them when every resolved class it touches has one speaker, and stays a statement of its
// own when it touches two (an unresolved quote must not merge two people's statements). The result
// depends on the graph only, never on the order quotes came in.

export interface EchoGraph {
  neighbours (classKey: string): Iterable<string>
  /** The resolved speaker of a class, null for an unresolved one. */
  speakerOf (classKey: string): string | null
}

export function componentOf (graph: EchoGraph, seeds: Iterable<string>): Set<string> {
  const seen = new Set<string>(seeds)
  const queue = [...seen]
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const n of graph.neighbours(next)) if (!seen.has(n)) { seen.add(n); queue.push(n) }
  }
  return seen
}

/** Connected groups of `nodes` over the edges whose ends both pass `keep`. */
function groupsWithin (graph: EchoGraph, nodes: Set<string>, keep: (c: string) => boolean): string[][] {
  const groupOf = new Set<string>()
  const groups: string[][] = []
  for (const start of nodes) {
    if (groupOf.has(start) || !keep(start)) continue
    const group = [start]
    groupOf.add(start)
    for (let i = 0; i < group.length; i++) {
      for (const n of graph.neighbours(group[i] ?? '')) if (nodes.has(n) && keep(n) && !groupOf.has(n)) { groupOf.add(n); group.push(n) }
    }
    groups.push(group)
  }
  return groups
}

/** The statements of one connected component, each a list of class keys. */
export function partitionComponent (graph: EchoGraph, component: Set<string>): string[][] {
  const resolved = groupsWithin(graph, component, (c) => graph.speakerOf(c) !== null)
  const unresolved = groupsWithin(graph, component, (c) => graph.speakerOf(c) === null)
  const groupIndex = new Map<string, number>()
  resolved.forEach((g, i) => { for (const c of g) groupIndex.set(c, i) })
  // union-find over the resolved groups, joined through unresolved groups with one speaker
  const parent = resolved.map((_, i) => i)
  const find = (i: number): number => { while (parent[i] !== i) i = parent[i] ?? i; return i }
  const statements: string[][] = []
  const joined = new Map<number, string[]>()
  for (const group of unresolved) {
    const touched = new Set<number>()
    for (const c of group) for (const n of graph.neighbours(c)) { const g = groupIndex.get(n); if (g !== undefined) touched.add(g) }
    const speakers = new Set([...touched].map((g) => graph.speakerOf(resolved[g]?.[0] ?? '')))
    if (touched.size === 0 || speakers.size > 1) { statements.push(group); continue }
    const [first, ...rest] = [...touched]
    for (const g of rest) parent[find(g)] = find(first ?? 0)
    joined.set(first ?? 0, [...(joined.get(first ?? 0) ?? []), ...group])
  }
  const merged = new Map<number, string[]>()
  resolved.forEach((g, i) => { const root = find(i); merged.set(root, [...(merged.get(root) ?? []), ...g, ...(joined.get(i) ?? [])]) })
  return [...statements, ...merged.values()]
}
