import { Navigate, Route, Router } from "@solidjs/router";
import { Match, Switch, createResource, createSignal, lazy, type ParentProps } from "solid-js";
import { checkAccess } from "./api/client";
import { adoptTokenFromUrl, clearToken, readToken } from "./auth/token";
import { HistoryDrawerProvider } from "./components/HistoryDrawer";
import { Shell } from "./components/Shell";
import { TokenPrompt } from "./components/TokenPrompt";
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
  // a stored token the server refuses is dropped, and the prompt says so
  const [access] = createResource(attempt, async () => {
    const hadToken = readToken() !== null;
    const result = await checkAccess();
    if (result === "unauthorized" && hadToken) {
      clearToken();
      return "rejected" as const;
    }
    return result;
  });
  const retry = () => setAttempt((n) => n + 1);

  return (
    <Switch fallback={<p class="p-6 text-muted">Connecting to Pulse…</p>}>
      <Match when={access.error}>
        <p class="p-6 text-bad">Pulse is not reachable: {String(access.error)}</p>
      </Match>
      <Match when={access() === "unauthorized" || access() === "rejected"}>
        <TokenPrompt rejected={access() === "rejected"} onSaved={retry} />
      </Match>
      <Match when={access() === "ok"}>
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
          <Route path="*" component={() => <p class="text-muted">No such page.</p>} />
        </Router>
      </Match>
    </Switch>
  );
}
