/** Projects whose key or name contains `query`, case-insensitively (the wizard filters what Jira returned). */
export function filterProjects<T extends { key: string; name: string }>(
  projects: readonly T[],
  query: string,
): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...projects];
  return projects.filter((p) => p.key.toLowerCase().includes(q) || p.name.toLowerCase().includes(q));
}
