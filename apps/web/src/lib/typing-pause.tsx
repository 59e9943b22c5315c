import { createContext, type ReactNode, useContext } from "react";

const TypingPauseContext = createContext<number | null>(null);

/**
 * Overrides how long typing must pause before a search or a check is sent (the tests set 0: they type
 * without pauses and wait on state, never on a clock).
 */
export function TypingPauseProvider({ ms, children }: { ms: number; children: ReactNode }) {
  return <TypingPauseContext value={ms}>{children}</TypingPauseContext>;
}

/** The pause after typing before acting on it: `ms`, unless a {@link TypingPauseProvider} says otherwise. */
export function useTypingPause(ms: number): number {
  return useContext(TypingPauseContext) ?? ms;
}
