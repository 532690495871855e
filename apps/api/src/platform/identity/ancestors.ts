/** The ids of a body and of every body above it, nearest first, read off its path ('/a/b/c/' → c, b, a). */
export function selfAndAncestorIds(path: string): string[] {
  return path.split('/').filter(Boolean).reverse();
}

/** Of rows set on bodies up the tree, the one of the nearest body to the one with `path` (setting inherited downward). */
export function nearestUpTheTree<Row extends { organizationId: string }>(path: string, rows: readonly Row[]): Row | undefined {
  const order = selfAndAncestorIds(path);
  return rows
    .filter((row) => order.includes(row.organizationId))
    .sort((a, b) => order.indexOf(a.organizationId) - order.indexOf(b.organizationId))[0];
}

/**
 * Whether a body with `path` lies on the line of the body at `actorPath`: the same body, one below it, or one above it
 * (whose settings the actor's body works under). What a reader may see of settings inherited down the tree.
 */
export function onTheLineOf(actorPath: string, path: string): boolean {
  return path.startsWith(actorPath) || actorPath.startsWith(path);
}
