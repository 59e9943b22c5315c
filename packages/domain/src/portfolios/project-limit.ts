/** A portfolio links at most this many Jira projects. */
export const MAX_LINKED_PROJECTS = 20;

/**
 * How many of `adding` would go past the limit of linked projects (0 when they fit). Keys already linked do
 * not count twice.
 * @example projectsOverLimit(["A", "B"], ["B", "C"], 2) // 1
 */
export function projectsOverLimit(
  linked: readonly string[],
  adding: readonly string[],
  limit: number = MAX_LINKED_PROJECTS,
): number {
  const all = new Set([...linked, ...adding].map((key) => key.toUpperCase()));
  return Math.max(0, all.size - limit);
}
