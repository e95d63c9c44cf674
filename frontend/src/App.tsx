import { Navigate, Route, Router } from "@solidjs/router";
import { Match, Switch, createResource, createSignal, lazy, type ParentProps } from "solid-js";
import { checkAccess } from "./api/client";
import { AuthProvider, canAs } from "./auth/AuthContext";
import { fetchStatus, logout } from "./auth/session";
import { adoptTokenFromUrl, clearToken, readToken } from "./auth/token";
import { HistoryDrawerProvider } from "./components/HistoryDrawer";
import { Shell } from "./components/Shell";
import { SignIn } from "./components/SignIn";
import { InventoryProvider } from "./stores/inventory";

const Infrastructure = lazy(() => import("./routes/Infrastructure"));
const Workloads = lazy(() => import("./routes/Workloads"));
const Settings = lazy(() => import("./routes/Settings"));
const Storage = lazy(() => import("./routes/Storage"));
const Backups = lazy(() => import("./routes/Backups"));
const Ceph = lazy(() => import("./routes/Ceph"));
const Mail = lazy(() => import("./routes/Mail"));
const Docker = lazy(() => import("./routes/Docker"));
const Kubernetes = lazy(() => import("./routes/Kubernetes"));
const TrueNas = lazy(() => import("./routes/TrueNas"));
const Alerts = lazy(() => import("./routes/Alerts"));

function Layout(props: ParentProps) {
  return (
    <InventoryProvider>
      <HistoryDrawerProvider>
        <Shell>{props.children}</Shell>
      </HistoryDrawerProvider>
    </InventoryProvider>
  );
}

export default function App() {
  adoptTokenFromUrl();
  const [attempt, setAttempt] = createSignal(0);
  const [wantSignIn, setWantSignIn] = createSignal(false);
  // a stored token the server refuses is dropped, and the sign-in page says so
  const [access] = createResource(attempt, async () => {
    const hadToken = readToken() !== null;
    let result: "ok" | "unauthorized" | "rejected" = await checkAccess();
    if (result === "unauthorized" && hadToken) {
      clearToken();
      result = "rejected";
    }
    return { result, status: await fetchStatus() };
  });
  const retry = () => {
    setWantSignIn(false);
    setAttempt((n) => n + 1);
  };
  const me = () => access()?.status.user ?? null;
  const publicReads = () => access()?.result === "ok" && me() === null;
  const auth = {
    me,
    publicReads,
    can: (scope: string) => canAs(me(), publicReads(), scope),
    signIn: () => setWantSignIn(true),
    signOut: async () => {
      const source = me()?.source ?? "";
      if (me()?.kind === "token") clearToken();
      else if (source.startsWith("saml:")) {
        // through the IdP's single logout, which comes back to Pulse signed out
        location.href = `/api/security/sso/saml/${encodeURIComponent(source.slice(5))}/logout`;
        return;
      } else await logout();
      retry();
    },
  };

  return (
    <Switch fallback={<p class="p-6 text-muted">Connecting to Pulse…</p>}>
      <Match when={access.error}>
        <p class="p-6 text-bad">Pulse is not reachable: {String(access.error)}</p>
      </Match>
      <Match when={access() && (access()!.result !== "ok" || (wantSignIn() && me() === null))}>
        <SignIn status={access()!.status} rejectedToken={access()!.result === "rejected"} onDone={retry}
          onCancel={access()!.result === "ok" ? () => setWantSignIn(false) : undefined} />
      </Match>
      <Match when={access()?.result === "ok"}>
        <AuthProvider value={auth}>
        <Router root={Layout}>
          <Route path="/" component={() => <Navigate href="/infrastructure" />} />
          <Route path="/infrastructure" component={Infrastructure} />
          <Route path="/workloads" component={Workloads} />
          <Route path="/alerts" component={Alerts} />
          <Route path="/storage" component={Storage} />
          <Route path="/backups" component={Backups} />
          <Route path="/ceph" component={Ceph} />
          <Route path="/mail" component={Mail} />
          <Route path="/docker" component={Docker} />
          <Route path="/kubernetes" component={Kubernetes} />
          <Route path="/truenas" component={TrueNas} />
          <Route path="/settings" component={Settings} />
          <Route path="/setup" component={() => <Navigate href="/infrastructure" />} />
          <Route path="*" component={() => <p class="text-muted">No such page.</p>} />
        </Router>
        </AuthProvider>
      </Match>
    </Switch>
  );
}
