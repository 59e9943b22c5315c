import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { type SignUpInput, useSignUp } from "../api/use-auth";
import { useInviteInfo } from "../api/use-invites";
import { AuthLayout } from "../components/auth-layout";
import { FullPageLoader } from "../components/full-page-loader";
import { InviteSummary } from "../components/invite-summary";
import { PasswordField } from "../components/password-field";
import { splitFormError } from "../lib/form-errors";
import { orgPath } from "../lib/org-paths";
import { usePageTitle } from "../lib/use-page-title";
import { requireText, validateEmail, validateNewPassword } from "../lib/validation";

const FIELDS = ["name", "email", "password", "orgName"] as const;

function signUpTitle(orgName: string | undefined, inviteFailed: boolean): string {
  if (inviteFailed) return "Invitation unavailable";
  return orgName ? `Join ${orgName}` : "Create your account";
}

/** `/signup`: creates an account and an organisation, or joins one with `?invite=TOKEN`. */
export function SignUpPage() {
  usePageTitle("Create account");
  const [params] = useSearchParams();
  const inviteToken = params.get("invite");
  const invite = useInviteInfo(inviteToken);
  const navigate = useNavigate();
  const signUp = useSignUp();
  const [formError, setFormError] = useState<string | null>(null);
  const withInvite = Boolean(inviteToken);
  const form = useForm({
    initialValues: { name: "", email: "", password: "", orgName: "" },
    validate: {
      name: requireText("Enter your name"),
      email: validateEmail,
      password: validateNewPassword,
      orgName: (value) => (withInvite ? null : requireText("Name your organisation")(value)),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const input: SignUpInput = {
      name: values.name.trim(),
      email: values.email.trim(),
      password: values.password,
    };
    if (inviteToken) input.inviteToken = inviteToken;
    else input.orgName = values.orgName.trim();
    try {
      const result = await signUp.mutateAsync(input);
      await navigate(orgPath(result.orgId), { replace: true });
    } catch (error) {
      const split = splitFormError(error, FIELDS);
      form.setErrors(split.fields);
      setFormError(split.formMessage);
    }
  });

  if (withInvite && invite.isPending) return <FullPageLoader label="Loading invite" />;

  const signInHref = inviteToken
    ? `/signin?${new URLSearchParams({ next: `/invite/${inviteToken}` }).toString()}`
    : "/signin";

  return (
    <AuthLayout
      title={signUpTitle(invite.data?.orgName, invite.isError)}
      subtitle={
        invite.isError
          ? undefined
          : withInvite
            ? "Create an account to accept your invitation."
            : "Set up Goalpost for your organisation. You'll be its first admin."
      }
      footer={
        <>
          Already have an account?{" "}
          <Anchor component={Link} to={signInHref} fw={600}>
            Sign in
          </Anchor>
        </>
      }
    >
      {invite.isError ? (
        <Stack>
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle size={18} />}
            title="This invite can't be used"
          >
            {invite.error.message}
          </Alert>
          <Text size="sm" c="dimmed">
            Ask an admin of the organisation for a new invite link, or{" "}
            <Anchor component={Link} to="/signup">
              create your own organisation
            </Anchor>
            .
          </Text>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {invite.data && <InviteSummary invite={invite.data} />}
            {formError && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
                {formError}
              </Alert>
            )}
            <TextInput label="Name" autoComplete="name" autoFocus {...form.getInputProps("name")} />
            <TextInput label="Email" type="email" autoComplete="email" {...form.getInputProps("email")} />
            <PasswordField
              label="Password"
              autoComplete="new-password"
              description="At least 8 characters"
              {...form.getInputProps("password")}
            />
            {!withInvite && (
              <TextInput
                label="Organisation name"
                placeholder="Acme Inc."
                autoComplete="organization"
                {...form.getInputProps("orgName")}
              />
            )}
            <Button type="submit" fullWidth loading={signUp.isPending} mt="xs">
              Create account
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
