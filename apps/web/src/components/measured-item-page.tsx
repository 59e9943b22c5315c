import { Button, Skeleton } from "@mantine/core";
import { IconBrandJira, IconTarget } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { isApiStatus } from "../api/api-error";
import { useMeasuredItem } from "../api/use-measured-items";
import { KIND_WORDS, type MeasuredItemOf, type MeasuredKind } from "../lib/measured-kind";
import { orgPath } from "../lib/org-paths";
import { useOrg } from "../lib/use-org";
import { usePageTitle } from "../lib/use-page-title";
import { ErrorAlert } from "./error-alert";
import { StatusMessage } from "./status-message";

/** Props of {@link MeasuredItemPage}. */
export interface MeasuredItemPageProps<K extends MeasuredKind> {
  kind: K;
  id: string;
  /** The page once the item is read. */
  children: (item: MeasuredItemOf[K]) => ReactNode;
}

/** An item's page while it loads, when it does not exist (404) or cannot be read, and once it is read. */
export function MeasuredItemPage<K extends MeasuredKind>({ kind, id, children }: MeasuredItemPageProps<K>) {
  const org = useOrg();
  const item = useMeasuredItem(kind, id);
  const { Noun } = KIND_WORDS[kind];
  usePageTitle(item.data?.title ?? Noun, org.name);

  if (item.isPending) return <Skeleton h={320} radius="lg" />;
  if (item.isError) {
    if (isApiStatus(item.error, 404)) {
      return (
        <StatusMessage
          icon={kind === "objectives" ? <IconTarget size={28} /> : <IconBrandJira size={28} />}
          title={`${Noun} not found`}
          description="It was deleted, or it belongs to another organisation."
          action={
            <Button component={Link} to={orgPath(org.id)} variant="light">
              Back to goals
            </Button>
          }
        />
      );
    }
    return <ErrorAlert error={item.error} onRetry={() => void item.refetch()} />;
  }
  return children(item.data);
}
