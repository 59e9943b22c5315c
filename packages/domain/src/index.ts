export { DomainError, type DomainErrorCode, isDomainError } from "./errors/domain-error.ts";
export { type MembershipChange, wouldRemoveLastAdmin } from "./orgs/admin-invariant.ts";
export { canPerformOrgAction, ORG_ROLES, type OrgAction, type OrgRole } from "./orgs/org-role.ts";
