/** A portfolio's pages live outside `/o/:orgId` so external members (of another organisation) can open them. */
export function portfolioPath(id: string, section: "" | "members" | "settings/integrations" = ""): string {
  const base = `/portfolios/${encodeURIComponent(id)}`;
  return section ? `${base}/${section}` : base;
}

/** An initiative's page. */
export function initiativePath(portfolioId: string, initiativeId: string): string {
  return `${portfolioPath(portfolioId)}/initiatives/${encodeURIComponent(initiativeId)}`;
}
