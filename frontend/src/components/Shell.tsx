import { A } from "@solidjs/router";
import { createSignal, type ParentProps } from "solid-js";
import Moon from "lucide-solid/icons/moon";
import Sun from "lucide-solid/icons/sun";
import Server from "lucide-solid/icons/server";
import Boxes from "lucide-solid/icons/boxes";
import Settings from "lucide-solid/icons/settings";
import HardDrive from "lucide-solid/icons/hard-drive";
import Archive from "lucide-solid/icons/archive";
import Database from "lucide-solid/icons/database";
import MailIcon from "lucide-solid/icons/mail";
import { useInventory } from "../stores/inventory";

function initialTheme(): "light" | "dark" {
  const saved = localStorage.getItem("pulse.theme");
  if (saved === "light" || saved === "dark") return saved;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function Shell(props: ParentProps) {
  const inventory = useInventory();
  const [theme, setTheme] = createSignal(initialTheme());
  document.documentElement.dataset.theme = theme();
  const toggle = () => {
    const next = theme() === "dark" ? "light" : "dark";
    setTheme(next);
    localStorage.setItem("pulse.theme", next);
    document.documentElement.dataset.theme = next;
  };
  const link = "flex items-center gap-2 rounded px-3 py-2 text-sm hover:bg-sunken";
  return (
    <div class="min-h-screen bg-surface text-fg">
      <header class="flex items-center gap-4 border-b border-line bg-raised px-4 py-2">
        <span class="text-lg font-semibold tracking-tight">Pulse</span>
        <nav class="flex gap-1">
          <A href="/infrastructure" class={link} activeClass="bg-sunken font-medium">
            <Server size={16} /> Infrastructure
          </A>
          <A href="/workloads" class={link} activeClass="bg-sunken font-medium">
            <Boxes size={16} /> Workloads
          </A>
          <A href="/storage" class={link} activeClass="bg-sunken font-medium">
            <HardDrive size={16} /> Storage
          </A>
          <A href="/ceph" class={link} activeClass="bg-sunken font-medium">
            <Database size={16} /> Ceph
          </A>
          <A href="/backups" class={link} activeClass="bg-sunken font-medium">
            <Archive size={16} /> Backups
          </A>
          <A href="/mail" class={link} activeClass="bg-sunken font-medium">
            <MailIcon size={16} /> Mail
          </A>
          <A href="/settings" class={link} activeClass="bg-sunken font-medium">
            <Settings size={16} /> Settings
          </A>
        </nav>
        <div class="ml-auto flex items-center gap-3 text-xs text-muted">
          <span data-testid="live-status" title="Live updates">
            <span
              class={`mr-1 inline-block h-2 w-2 rounded-full ${inventory.socketStatus() === "open" ? "bg-ok" : "bg-warn"}`}
            />
            {inventory.socketStatus() === "open" ? "live" : inventory.socketStatus()}
          </span>
          <button type="button" onClick={toggle} aria-label="Toggle theme" class="rounded p-1.5 hover:bg-sunken">
            {theme() === "dark" ? <Sun size={16} /> : <Moon size={16} />}
          </button>
        </div>
      </header>
      <main class="p-4">{props.children}</main>
    </div>
  );
}
