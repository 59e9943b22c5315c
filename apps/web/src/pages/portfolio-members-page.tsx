import {
  ActionIcon,
  Avatar,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconUserMinus } from "@tabler/icons-react";
import { useState } from "react";
import type { PortfolioRole } from "../api/portfolio-types";
import { useMembers } from "../api/use-members";
import {
  useAddPortfolioMemberByEmail,
  usePortfolioMembers,
  useRemovePortfolioMember,
  useSetPortfolioMember,
} from "../api/use-portfolios";
import { ErrorAlert } from "../components/error-alert";
import { notifyError, notifySuccess } from "../lib/notify";
import { ROLE_LABELS } from "../lib/portfolio-labels";
import { usePortfolioContext } from "./portfolio-layout";

const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

/** `/portfolios/:portfolioId/members`: who is in the portfolio, with which role; managers staff it. */
export function PortfolioMembersPage() {
  const portfolio = usePortfolioContext();
  const members = usePortfolioMembers(portfolio.id);
  const canManage = portfolio.permissions["members.manage"].allowed;
  const orgMembers = useMembers(portfolio.orgId);
  const setMember = useSetPortfolioMember(portfolio.id);
  const removeMember = useRemovePortfolioMember(portfolio.id);
  const [candidate, setCandidate] = useState<string | null>(null);
  const addByEmail = useAddPortfolioMemberByEmail(portfolio.id);
  const [externalEmail, setExternalEmail] = useState("");
  const [role, setRole] = useState<PortfolioRole>("contributor");

  const current = new Set((members.data ?? []).map((m) => m.userId));
  const candidates = (orgMembers.data?.pages.flatMap((p) => p.items) ?? [])
    .filter((m) => !current.has(m.userId))
    .map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` }));

  const save = async (userId: string, nextRole: PortfolioRole, done?: () => void) => {
    try {
      const member = await setMember.mutateAsync({ userId, role: nextRole });
      notifySuccess(`${member.name} is a ${ROLE_LABELS[member.role]}.`, "Member saved");
      done?.();
    } catch (error) {
      notifyError(error, "Couldn't save the member");
    }
  };
  const addExternal = async () => {
    try {
      const member = await addByEmail.mutateAsync({ email: externalEmail.trim(), role });
      notifySuccess(`${member.name} is a ${ROLE_LABELS[member.role]}.`, "Member saved");
      setExternalEmail("");
    } catch (error) {
      notifyError(error, "Couldn't add the member");
    }
  };
  const remove = async (userId: string, name: string) => {
    try {
      await removeMember.mutateAsync({ userId });
      notifySuccess(`${name} was removed from the portfolio.`);
    } catch (error) {
      notifyError(error, "Couldn't remove the member");
    }
  };

  return (
    <Stack gap="lg">
      <Title order={2} fz="lg">
        Members
      </Title>
      {members.isError && <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />}
      {members.isPending && <Skeleton h={120} />}
      {members.isSuccess && (
        <Paper withBorder radius="lg">
          <Table verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th w={200}>Role</Table.Th>
                <Table.Th w={60} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.map((member) => (
                <Table.Tr key={member.userId}>
                  <Table.Td>
                    <Group gap="sm" wrap="nowrap">
                      <Avatar radius="xl" size={30} color="initials" name={member.name} />
                      <Text size="sm" fw={500}>
                        {member.name}
                      </Text>
                      {member.external && (
                        <Badge size="xs" variant="light" color="orange">
                          External
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {member.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {canManage ? (
                      <NativeSelect
                        size="xs"
                        aria-label={`Role of ${member.name}`}
                        data={ROLE_OPTIONS}
                        value={member.role}
                        onChange={(event) =>
                          void save(member.userId, event.currentTarget.value as PortfolioRole)
                        }
                      />
                    ) : (
                      <Text size="sm">{ROLE_LABELS[member.role]}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {canManage && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${member.name}`}
                        onClick={() => void remove(member.userId, member.name)}
                      >
                        <IconUserMinus size={16} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {canManage && (
        <Paper withBorder radius="lg" p="lg">
          <Title order={3} fz="md" mb="sm">
            Add a member
          </Title>
          <Stack>
            <Group align="flex-end">
              <Select
                label="From your organisation"
                placeholder="Pick a person"
                data={candidates}
                value={candidate}
                onChange={setCandidate}
                searchable
                w={320}
              />
              <NativeSelect
                label="Role"
                data={ROLE_OPTIONS}
                value={role}
                onChange={(event) => setRole(event.currentTarget.value as PortfolioRole)}
              />
              <Button
                disabled={!candidate}
                loading={setMember.isPending}
                onClick={() => candidate && void save(candidate, role, () => setCandidate(null))}
              >
                Add
              </Button>
            </Group>
            <Group align="flex-end">
              <TextInput
                type="email"
                label="From another organisation (external)"
                description="The e-mail of their Goalpost account. External members see progress but use no Jira function."
                value={externalEmail}
                onChange={(event) => setExternalEmail(event.currentTarget.value)}
                w={360}
              />
              <Button
                variant="default"
                disabled={!externalEmail.trim()}
                loading={addByEmail.isPending}
                onClick={() => void addExternal()}
              >
                Add external member
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
