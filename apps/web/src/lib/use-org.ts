import { useOutletContext } from "react-router";
import type { OrgMembership } from "../api/types";

/** The organisation of the current `/o/:orgId` route (provided by OrgLayout). */
export function useOrg(): OrgMembership {
  return useOutletContext<OrgMembership>();
}
