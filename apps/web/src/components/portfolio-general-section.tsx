import { Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { useNavigate } from "react-router";
import type { Portfolio } from "../api/portfolio-types";
import { useDeletePortfolio, useUpdatePortfolio } from "../api/use-portfolios";
import { notifyError, notifySuccess } from "../lib/notify";
import { orgPath } from "../lib/org-paths";
import { requireText } from "../lib/validation";
import { ConfirmModal } from "./confirm-modal";
import { PermissionGate } from "./permission-gate";

/** Settings → General: rename or re-describe the portfolio, or delete it (Portfolio Managers). */
export function PortfolioGeneralSection({ portfolio }: { portfolio: Portfolio }) {
  const update = useUpdatePortfolio(portfolio.id);
  const remove = useDeletePortfolio(portfolio.id, portfolio.orgId);
  const [deleteOpened, del] = useDisclosure(false);
  const navigate = useNavigate();
  const permission = portfolio.permissions["portfolio.edit"];
  const form = useForm({
    initialValues: { name: portfolio.name, description: portfolio.description },
    validate: { name: requireText("Give the portfolio a name") },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await update.mutateAsync({ name: values.name.trim(), description: values.description });
      notifySuccess("Portfolio saved.");
    } catch (error) {
      notifyError(error, "Couldn't save the portfolio");
    }
  });
  const confirmDelete = async () => {
    try {
      await remove.mutateAsync(undefined);
      await navigate(orgPath(portfolio.orgId, "portfolios"));
    } catch (error) {
      del.close();
      notifyError(error, "Couldn't delete the portfolio");
    }
  };
  return (
    <Stack gap="lg">
      <Paper withBorder radius="lg" p="lg">
        <form onSubmit={submit}>
          <Stack>
            <TextInput label="Name" disabled={!permission.allowed} {...form.getInputProps("name")} />
            <Textarea
              label="Description"
              autosize
              minRows={2}
              disabled={!permission.allowed}
              {...form.getInputProps("description")}
            />
            <Group justify="flex-end">
              <PermissionGate permission={permission}>
                {(disabled) => (
                  <Button type="submit" loading={update.isPending} disabled={disabled}>
                    Save
                  </Button>
                )}
              </PermissionGate>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Paper withBorder radius="lg" p="lg">
        <Group justify="space-between">
          <Stack gap={2}>
            <Title order={3} fz="md">
              Delete this portfolio
            </Title>
            <Text size="sm" c="dimmed">
              Its initiatives, members and Jira configuration are deleted. Nothing changes in Jira.
            </Text>
          </Stack>
          <PermissionGate permission={permission}>
            {(disabled) => (
              <Button color="red" variant="light" onClick={del.open} disabled={disabled}>
                Delete portfolio
              </Button>
            )}
          </PermissionGate>
        </Group>
      </Paper>
      <ConfirmModal
        opened={deleteOpened}
        title={`Delete "${portfolio.name}"?`}
        message="The portfolio, its initiatives and its Jira configuration are deleted for everyone."
        confirmLabel="Delete"
        loading={remove.isPending}
        onConfirm={() => void confirmDelete()}
        onClose={del.close}
      />
    </Stack>
  );
}
