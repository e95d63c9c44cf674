import { createContext, useContext, type ParentProps } from "solid-js";
import { allows, type Me } from "./session";

/** Who is using the UI and what they may do: the UI hides what they cannot; the server refuses it regardless. */
export interface Auth {
  me: () => Me | null;
  /** Whether reads are open to anyone (demo mode). */
  publicReads: () => boolean;
  can: (scope: string) => boolean;
  signIn: () => void;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<Auth>();

export function AuthProvider(props: ParentProps<{ value: Auth }>) {
  return <AuthContext.Provider value={props.value}>{props.children}</AuthContext.Provider>;
}

/** Outside a provider (component tests) everything is allowed: the server is the one that enforces. */
export function useAuth(): Auth {
  return useContext(AuthContext) ?? {
    me: () => null, publicReads: () => true, can: () => true, signIn: () => {}, signOut: async () => {},
  };
}

/** What an anonymous visitor may do when reads are public. */
export function canAs(me: Me | null, publicReads: boolean, scope: string): boolean {
  if (me) return allows(me.scopes, scope);
  return publicReads && ["monitoring:read", "alerts:read", "settings:read", "connections:read"].includes(scope);
}
