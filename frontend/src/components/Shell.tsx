import { A } from "@solidjs/router";
import { For, Show, createSignal, type ParentProps } from "solid-js";
import { Dynamic } from "solid-js/web";
import Moon from "lucide-solid/icons/moon";
import Sun from "lucide-solid/icons/sun";
import Server from "lucide-solid/icons/server";
import Boxes from "lucide-solid/icons/boxes";
import Settings from "lucide-solid/icons/settings";
import HardDrive from "lucide-solid/icons/hard-drive";
import Archive from "lucide-solid/icons/archive";
import Database from "lucide-solid/icons/database";
import MailIcon from "lucide-solid/icons/mail";
import Container from "lucide-solid/icons/container";
import Ship from "lucide-solid/icons/ship";
import HardDriveDownload from "lucide-solid/icons/hard-drive-download";
import Bell from "lucide-solid/icons/bell";
import { useAuth } from "../auth/AuthContext";
import { useInventory } from "../stores/inventory";

/** The pages in the navigation, in order. */
const PAGES = [
  { href: "/infrastructure", label: "Infrastructure", icon: Server },
  { href: "/workloads", label: "Workloads", icon: Boxes },
  { href: "/storage", label: "Storage", icon: HardDrive },
  { href: "/ceph", label: "Ceph", icon: Database },
  { href: "/backups", label: "Backups", icon: Archive },
  { href: "/docker", label: "Docker", icon: Container },
  { href: "/kubernetes", label: "Kubernetes", icon: Ship },
  { href: "/truenas", label: "TrueNAS", icon: HardDriveDownload },
  { href: "/mail", label: "Mail", icon: MailIcon },
  { href: "/alerts", label: "Alerts", icon: Bell },
  { href: "/settings", label: "Settings", icon: Settings },
];

function initialTheme(): "light" | "dark" {
  const saved = localStorage.getItem("pulse.theme");
  if (saved === "light" || saved === "dark") return saved;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function Shell(props: ParentProps) {
  const inventory = useInventory();
  const auth = useAuth();
  const [theme, setTheme] = createSignal(initialTheme());
  document.documentElement.dataset.theme = theme();
  const toggle = () => {
    const next = theme() === "dark" ? "light" : "dark";
    setTheme(next);
    localStorage.setItem("pulse.theme", next);
    document.documentElement.dataset.theme = next;
  };
  const link = "flex items-center gap-2 rounded px-3 py-2 text-sm hover:bg-sunken";
  const firing = () => inventory.alerts().filter((a) => a.state === "firing").length;
  const critical = () => inventory.alerts().some((a) => a.state === "firing" && a.level === "critical");
  return (
    <div class="min-h-screen bg-surface text-fg">
      <header class="flex items-center gap-4 border-b border-line bg-raised px-4 py-2">
        <span class="text-lg font-semibold tracking-tight">Pulse</span>
        <nav class="flex flex-wrap gap-1">
          <For each={PAGES.filter((p) => p.href !== "/settings" || ["settings:read", "connections:read", "users:read", "audit:read"].some(auth.can))}>
            {(page) => (
              <A href={page.href} class={link} activeClass="bg-sunken font-medium">
                <Dynamic component={page.icon} size={16} /> {page.label}
                {page.href === "/alerts" && firing() > 0 ? (
                  <span data-testid="alert-count" class={`rounded-full px-1.5 text-xs text-white ${critical() ? "bg-bad" : "bg-warn"}`}>{firing()}</span>
                ) : null}
              </A>
            )}
          </For>
        </nav>
        <div class="ml-auto flex items-center gap-3 text-xs text-muted">
          <span data-testid="live-status" title="Live updates">
            <span
              class={`mr-1 inline-block h-2 w-2 rounded-full ${inventory.socketStatus() === "open" ? "bg-ok" : "bg-warn"}`}
            />
            {inventory.socketStatus() === "open" ? "live" : inventory.socketStatus()}
          </span>
          <Show when={auth.me()} fallback={
            <button type="button" data-testid="sign-in" class="rounded border border-line px-2 py-1" onClick={auth.signIn}>Sign in</button>}>
            {(me) => (
              <span class="flex items-center gap-2">
                <span data-testid="signed-in-as" title={me().scopes.join(", ")}>{me().name}{me().kind === "token" ? " (token)" : ""}</span>
                <Show when={me().kind !== "proxy"}>
                  <button type="button" data-testid="sign-out" class="rounded border border-line px-2 py-1" onClick={() => auth.signOut()}>
                    {me().kind === "token" ? "Forget token" : "Sign out"}</button>
                </Show>
              </span>
            )}
          </Show>
          <button type="button" onClick={toggle} aria-label="Toggle theme" class="rounded p-1.5 hover:bg-sunken">
            {theme() === "dark" ? <Sun size={16} /> : <Moon size={16} />}
          </button>
        </div>
      </header>
      <main class="p-4">{props.children}</main>
    </div>
  );
}
