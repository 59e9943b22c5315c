import type { InitiativeStatus, PortfolioRole } from "../api/portfolio-types";

/** How a portfolio role is named in the UI. */
export const ROLE_LABELS: Record<PortfolioRole, string> = {
  manager: "Portfolio Manager",
  contributor: "Contributor",
  viewer: "Viewer",
};

/** How an initiative status is named and coloured. */
export const INITIATIVE_STATUS: Record<InitiativeStatus, { label: string; color: string }> = {
  proposed: { label: "Proposed", color: "gray" },
  planned: { label: "Planned", color: "indigo" },
  in_progress: { label: "In progress", color: "blue" },
  on_hold: { label: "On hold", color: "orange" },
  done: { label: "Done", color: "teal" },
  cancelled: { label: "Cancelled", color: "red" },
};

/** Jira's status category colours: To Do grey, In Progress blue, Done green. */
export function statusCategoryColor(category: string): string {
  if (category === "done") return "teal";
  if (category === "indeterminate") return "blue";
  return "gray";
}

/** "30%" (rounded), or "—" without data. */
export function formatPercent(progress: number | null): string {
  return progress === null ? "—" : `${Math.round(progress)}%`;
}
