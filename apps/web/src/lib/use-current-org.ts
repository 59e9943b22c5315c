import { useLocation } from "react-router";
import type { OrgMembership } from "../api/types";
import { useMe } from "../api/use-me";
import { pickCurrentOrgId, readLastOrgId } from "./last-org";
import { parseOrgPath } from "./org-paths";

/**
 * The organisation in context: the one in the URL (`/o/:orgId/...`) if the user belongs to it,
 * otherwise the last visited one or the first. Null while loading or when the user has no orgs.
 */
export function useCurrentOrg(): OrgMembership | null {
  const { data: me } = useMe();
  const location = useLocation();
  if (!me) return null;
  const fromUrl = parseOrgPath(location.pathname)?.orgId;
  const id = pickCurrentOrgId(
    me.orgs.map((o) => o.id),
    fromUrl,
    readLastOrgId(),
  );
  return me.orgs.find((o) => o.id === id) ?? null;
}
