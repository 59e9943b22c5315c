import { Button, Container, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useChangePassword, useSignOutEverywhere, useUpdateProfile } from "../api/use-auth";
import { useMe } from "../api/use-me";
import { PageHeader } from "../components/page-header";
import { PasswordField } from "../components/password-field";
import { notifyError, notifySuccess } from "../lib/notify";
import { usePageTitle } from "../lib/use-page-title";

/** Shortest password accepted (better-auth's default). */
const MIN_PASSWORD = 8;

/** `/settings/account`: profile name, password, and signing out everywhere. */
export function AccountPage() {
  usePageTitle("Account");
  const { data: me } = useMe();
  const updateProfile = useUpdateProfile();
  const changePassword = useChangePassword();
  const signOutEverywhere = useSignOutEverywhere();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState<string | null>(null);
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const shownName = name ?? me?.user.name ?? "";

  const saveName = async () => {
    try {
      await updateProfile.mutateAsync({ name: shownName.trim() });
      setName(null);
      notifySuccess("Your name was saved.");
    } catch (error) {
      notifyError(error, "Couldn't save your name");
    }
  };
  const savePassword = async () => {
    try {
      await changePassword.mutateAsync({ currentPassword, newPassword });
      setCurrentPassword("");
      setNewPassword("");
      notifySuccess("Password changed; your other sessions were signed out.");
    } catch (error) {
      notifyError(error, "Couldn't change the password");
    }
  };
  const endAll = async () => {
    try {
      await signOutEverywhere.mutateAsync();
      await navigate("/signin", { replace: true });
      queryClient.clear();
    } catch (error) {
      notifyError(error, "Couldn't sign out everywhere");
    }
  };

  return (
    <Container size="sm" p={0}>
      <PageHeader title="Account" description={me ? `Signed in as ${me.user.email}.` : undefined} />
      <Stack gap="lg">
        <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="profile-heading">
          <Title order={2} fz="lg" mb="sm" id="profile-heading">
            Profile
          </Title>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void saveName();
            }}
          >
            <Stack gap="sm">
              <TextInput
                label="Name"
                value={shownName}
                onChange={(event) => setName(event.currentTarget.value)}
                maxLength={200}
              />
              <Button
                type="submit"
                w="fit-content"
                loading={updateProfile.isPending}
                disabled={shownName.trim() === "" || shownName === me?.user.name}
              >
                Save name
              </Button>
            </Stack>
          </form>
        </Paper>
        <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="password-heading">
          <Title order={2} fz="lg" mb="sm" id="password-heading">
            Password
          </Title>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void savePassword();
            }}
          >
            <Stack gap="sm">
              <PasswordField
                label="Current password"
                autoComplete="current-password"
                value={currentPassword}
                onChange={(event) => setCurrentPassword(event.currentTarget.value)}
              />
              <PasswordField
                label="New password"
                autoComplete="new-password"
                description={`At least ${MIN_PASSWORD} characters. Your other sessions are signed out.`}
                value={newPassword}
                onChange={(event) => setNewPassword(event.currentTarget.value)}
              />
              <Button
                type="submit"
                w="fit-content"
                loading={changePassword.isPending}
                disabled={currentPassword === "" || newPassword.length < MIN_PASSWORD}
              >
                Change password
              </Button>
            </Stack>
          </form>
        </Paper>
        <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="sessions-heading">
          <Title order={2} fz="lg" mb="xs" id="sessions-heading">
            Sessions
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Signs you out on every device and browser, this one included (a lost laptop, a shared computer).
          </Text>
          <Button
            color="red"
            variant="light"
            loading={signOutEverywhere.isPending}
            onClick={() => void endAll()}
          >
            Sign out everywhere
          </Button>
        </Paper>
      </Stack>
    </Container>
  );
}
