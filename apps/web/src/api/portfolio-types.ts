import type { JiraDeployment } from "./jira-types";
/** A role in a portfolio. */
export type PortfolioRole = "manager" | "contributor" | "viewer";

/** What a caller may do on a portfolio (the server decides; the UI hides or disables with the reason). */
export type PortfolioAction =
  | "portfolio.read"
  | "portfolio.edit"
  | "members.manage"
  | "initiatives.edit"
  | "jira.configure"
  | "jira.projects.link"
  | "jira.epics.link"
  | "jira.refresh";

export interface Permission {
  allowed: boolean;
  reason: string | null;
}

/** `GET /api/v1/portfolios/:id`. */
export interface Portfolio {
  id: string;
  orgId: string;
  name: string;
  description: string;
  createdBy: string | null;
  myRole: PortfolioRole | null;
  external: boolean;
  permissions: Record<PortfolioAction, Permission>;
  jiraConfigured: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PortfolioMember {
  userId: string;
  name: string;
  email: string;
  role: PortfolioRole;
  external: boolean;
  addedAt: string;
}

export interface DoneOfTotal {
  done: number;
  total: number;
  progress: number | null;
}

export interface Progress {
  byCount: DoneOfTotal;
  byStoryPoints: DoneOfTotal | null;
}

export interface Stale {
  code: string;
  message: string;
  since: string;
}

export type InitiativeStatus = "proposed" | "planned" | "in_progress" | "on_hold" | "done" | "cancelled";

export interface Initiative {
  id: string;
  portfolioId: string;
  title: string;
  description: string;
  owner: { id: string; name: string } | null;
  status: InitiativeStatus;
  startDate: string | null;
  dueDate: string | null;
  progress: Progress;
  epicCount: number;
  syncedAt: string | null;
  hasStaleEpics: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface LinkedEpic {
  key: string;
  initiativeId: string;
  projectKey: string;
  url: string;
  summary: string;
  status: { name: string; category: string };
  progress: Progress;
  syncedAt: string | null;
  stale: Stale | null;
  linkedAt: string;
}

/** Which connection a portfolio reads Jira through: its own, or an organisation connection. */
export type PortfolioConnectionKind = "portfolio" | "organisation";

export interface JiraConfig {
  portfolioId: string;
  connection: { id: string; name: string; kind: PortfolioConnectionKind };
  baseUrl: string;
  deployment: JiraDeployment;
  /** Empty on Data Center (the token names its user). */
  email: string;
  account: { accountId: string; displayName: string } | null;
  configuredBy: { id: string; name: string } | null;
  configuredAt: string;
  updatedAt: string;
  lastSyncAt: string | null;
  nextSyncAt: string | null;
  health: "healthy" | "unhealthy";
  error: Stale | null;
  projectCount: number;
  inaccessibleProjectKeys: string[];
}

export interface JiraProject {
  id: string;
  key: string;
  name: string;
  projectTypeKey?: string;
  avatarUrl?: string;
}

export interface LinkedProject {
  id: string;
  key: string;
  name: string;
  avatarUrl: string | null;
  url: string;
  accessible: boolean;
  inaccessibleSince: string | null;
  linkedAt: string;
}

export interface CascadePreview {
  projects: { key: string; name: string }[];
  epics: {
    key: string;
    summary: string;
    projectKey: string;
    initiativeId: string;
    initiativeTitle: string;
  }[];
}

export interface EpicChoice {
  key: string;
  summary: string;
  projectKey: string;
  status: { name: string; category: string };
  url: string;
}

/** A portfolio's own credentials: Cloud's e-mail and API token, or Data Center's personal access token. */
export interface JiraCredentials {
  baseUrl: string;
  deployment?: JiraDeployment;
  email?: string;
  apiToken?: string;
  personalAccessToken?: string;
}

/** A portfolio's Jira: its own credentials, or an organisation connection the manager may use. */
export type PortfolioJiraChoice = JiraCredentials | { connectionId: string };

export interface CheckedCredentials {
  account: { accountId: string; displayName: string };
  serverTitle: string | null;
  projects: JiraProject[];
}
