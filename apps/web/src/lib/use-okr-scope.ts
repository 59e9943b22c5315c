import { useMemo } from "react";
import { useMe } from "../api/use-me";
import { useMemberDirectory } from "../api/use-member-directory";
import type { OkrScope } from "./okr-scope";
import { useOrg } from "./use-org";

/** The OKR scope of the current `/o/:orgId` route: the org, the caller's role and id, member names. */
export function useOkrScope(): OkrScope {
  const org = useOrg();
  const { data: me } = useMe();
  const members = useMemberDirectory(org.id);
  return useMemo(
    () => ({
      orgId: org.id,
      orgName: org.name,
      isAdmin: org.role === "admin",
      currentUserId: me?.user.id ?? "",
      people: new Map((members.data ?? []).map((member) => [member.userId, member.name])),
    }),
    [org, me?.user.id, members.data],
  );
}
