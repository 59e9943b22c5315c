export {
  computeEpicProgress,
  type DoneOfTotal,
  type EpicChild,
  type EpicProgress,
} from "./epics/epic-progress.ts";
export { DomainError, type DomainErrorCode, isDomainError } from "./errors/domain-error.ts";
export {
  CONNECTION_SHARING_KINDS,
  type ConnectionAccessInfo,
  type ConnectionSharing,
  type ConnectionViewer,
  canManageJiraConnection,
  canUseJiraConnection,
} from "./jira/connection-access.ts";
export { isSameJiraSite } from "./jira/same-site.ts";
export { computeMetric, kpiProgress, type MetricResult } from "./metrics/compute-metric.ts";
export { type DiscoveredField, findNumericCustomFields, type JiraFieldInfo } from "./metrics/jira-field.ts";
export {
  assertMetricOffered,
  type KpiMeasure,
  type Measure,
  metricNotOffered,
  type PercentMeasure,
  validateMeasure,
} from "./metrics/measure.ts";
export {
  type CustomFieldMetric,
  isMetricOffered,
  type Metric,
  metricName,
  NAMED_METRICS,
  type NamedMetric,
} from "./metrics/metric.ts";
export {
  issueAmount,
  issueProgressPercent,
  isTimeMetric,
  type SummableMetric,
  sumMetric,
} from "./metrics/metric-amount.ts";
export { isDone, type MetricIssue } from "./metrics/metric-issue.ts";
export { NO_DATA_MESSAGES, type NoDataReason } from "./metrics/no-data-reason.ts";
export {
  assertEnteredNumber,
  isStorableNumber,
  MAX_COMPUTED_NUMBER,
  MAX_ENTERED_NUMBER,
  MIN_KPI_SPAN,
} from "./metrics/number-bounds.ts";
export { findStoryPointFields, resolveStoryPoints, STORY_POINT_FIELD_NAMES } from "./metrics/story-points.ts";
export {
  type BoundedForecast,
  boundedForecast,
  FORECAST_MIN_POINTS,
  FORECAST_MIN_SPAN_MS,
  type ForecastPoint,
  metricValueRange,
} from "./okrs/bounded-forecast.ts";
export { forecastValue, type TimedValue } from "./okrs/forecast.ts";
export { canEditOkr, type OkrOwnership, type OkrViewer } from "./okrs/okr-permission.ts";
export { type Quarter, quarterOf } from "./okrs/quarter.ts";
export { type KeyResultSeries, rollupHistory } from "./okrs/rollup-history.ts";
export { type MembershipChange, wouldRemoveLastAdmin } from "./orgs/admin-invariant.ts";
export { canPerformOrgAction, ORG_ROLES, type OrgAction, type OrgRole } from "./orgs/org-role.ts";
export {
  canPerformPortfolioAction,
  PORTFOLIO_ACTIONS,
  PORTFOLIO_ROLES,
  type PortfolioAction,
  type PortfolioDenial,
  type PortfolioRole,
  type PortfolioViewer,
  portfolioDenial,
} from "./portfolios/portfolio-access.ts";
export { MAX_LINKED_PROJECTS, projectsOverLimit } from "./portfolios/project-limit.ts";
export { type EpicTally, type InitiativeProgress, rollupInitiative } from "./portfolios/rollup-initiative.ts";
export { expectedProgress } from "./status/expected-progress.ts";
export type { Period } from "./status/period.ts";
export {
  BEHIND_MAX_GAP,
  computeStatus,
  PROGRESS_STATUSES,
  type ProgressStatus,
  STATUS_COLOURS,
  type StatusInput,
} from "./status/progress-status.ts";
export { type AlignmentNode, rollupAlignment } from "./status/rollup-alignment.ts";
export { rollupObjective, type WeightedProgress } from "./status/rollup-objective.ts";
