import { Center, Loader } from "@mantine/core";

/** Centered spinner used while the session or a page's data loads. */
export function FullPageLoader({ label = "Loading" }: { label?: string }) {
  return (
    <Center mih="60vh" role="status" aria-label={label}>
      <Loader type="dots" />
    </Center>
  );
}
