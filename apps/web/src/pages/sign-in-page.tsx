import { Alert, Anchor, Button, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useSignIn } from "../api/use-auth";
import { AuthLayout } from "../components/auth-layout";
import { PasswordField } from "../components/password-field";
import { splitFormError } from "../lib/form-errors";
import { safeNextPath, signUpPathFor } from "../lib/safe-next";
import { usePageTitle } from "../lib/use-page-title";
import { validateEmail } from "../lib/validation";

/** `/signin`: email + password; returns to `?next=` afterwards. */
export function SignInPage() {
  usePageTitle("Sign in");
  const [params] = useSearchParams();
  const next = safeNextPath(params.get("next"));
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: {
      email: validateEmail,
      password: (value) => (value ? null : "Enter your password"),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await signIn.mutateAsync({ email: values.email.trim(), password: values.password });
      await navigate(next, { replace: true });
    } catch (error) {
      const split = splitFormError(error, ["email", "password"]);
      form.setErrors(split.fields);
      setFormError(split.formMessage);
    }
  });

  return (
    <AuthLayout
      title="Welcome back"
      subtitle="Sign in to see your goals and portfolios."
      footer={
        <>
          New to Goalpost?{" "}
          <Anchor component={Link} to={signUpPathFor(next)} fw={600}>
            Create an account
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            autoFocus
            {...form.getInputProps("email")}
          />
          <PasswordField
            label="Password"
            autoComplete="current-password"
            {...form.getInputProps("password")}
          />
          <Button type="submit" fullWidth loading={signIn.isPending} mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
