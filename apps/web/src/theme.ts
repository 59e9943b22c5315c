import { createTheme } from "@mantine/core";

/** Goalpost's Mantine theme. */
export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  cursorType: "pointer",
  headings: { fontWeight: "650" },
  components: {
    Button: { defaultProps: { fw: 600 } },
  },
});
