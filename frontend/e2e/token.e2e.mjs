// End-to-end: outside demo mode, before any account exists, the UI offers the first-run setup and
// an API token instead; it takes a token once from ?token=.
// Then it adds a Proxmox VE connection through /settings and sees the cluster's nodes arrive.
// Then a Proxmox Backup Server, whose datastores appear under /backups.
// usage: node e2e/token.e2e.mjs BASE_URL TOKEN PVE_URL PVE_TOKEN_ID PVE_SECRET PVE_FINGERPRINT PBS_URL PBS_TOKEN_ID PBS_SECRET
import { check, launch } from "./browser.mjs";

const [base, token, pveUrl, pveTokenId, pveSecret, pveFingerprint, pbsUrl, pbsTokenId, pbsSecret, nasUrl, nasKey] = process.argv.slice(2);
if (!nasKey) throw new Error("usage: token.e2e.mjs BASE_URL TOKEN PVE_URL PVE_TOKEN_ID PVE_SECRET PVE_FINGERPRINT PBS_URL PBS_TOKEN_ID PBS_SECRET NAS_URL NAS_KEY");

const context = await launch();
try {
  const page = await context.newPage();
  await page.goto(`${base}/infrastructure`);
  await page.waitForSelector("[data-testid=setup-form]");
  check(true, "without an account the UI offers the first-run setup");
  const headers = await page.evaluate(async () => Object.fromEntries((await fetch("/infrastructure")).headers));
  check(headers["content-security-policy"]?.includes("frame-ancestors 'none'") && headers["x-content-type-options"] === "nosniff",
    `pages come with CSP and nosniff (${headers["content-security-policy"]})`);

  await page.click("text=Use an API token instead");
  await page.fill("input[aria-label='API token']", "wrong-token-123456");
  await page.click("text=Use token");
  await page.waitForSelector("text=That token was not accepted.");
  check(true, "a wrong token is refused");

  await page.goto(`${base}/infrastructure?token=${encodeURIComponent(token)}`);
  await page.waitForSelector("text=No nodes yet");
  check(!page.url().includes("token="), "a ?token= link is taken once and removed from the address bar");
  await page.waitForSelector("[data-testid=live-status]:has-text('live')");
  check(true, "the WebSocket connects with the stored token");

  await page.goto(`${base}/workloads`);
  await page.waitForSelector("[data-testid=workload-count]");
  check(true, "the token is remembered across page loads");

  await page.click("a[href='/settings']");
  await page.fill("input[name=name]", "lab");
  await page.fill("input[name=url]", pveUrl);
  await page.fill("input[name=tokenId]", "not-a-token-id");
  await page.fill("input[name=tokenSecret]", pveSecret);
  await page.fill("input[name=fingerprint]", pveFingerprint);
  await page.click("[data-testid=connection-form] button[type=submit]");
  const error = await (await page.waitForSelector("[data-testid=form-error]")).textContent();
  check(error?.startsWith("tokenId:") ?? false, `a bad token id is named in the form (${error})`);

  await page.fill("input[name=tokenId]", pveTokenId);
  await page.fill("input[name=fingerprint]", "");
  await page.click("[data-testid=test-connection]");
  await page.click("[data-testid=trust-fingerprint]");
  await page.waitForSelector("[data-testid=test-result]:has-text('Connected: Proxmox VE')");
  const pinned = await page.inputValue("input[name=fingerprint]");
  check(pinned === pveFingerprint, "Test offers the self-signed certificate, and trusting it pins its fingerprint");
  await page.click("[data-testid=connection-form] button[type=submit]");
  await page.waitForSelector("[data-testid=connection-row]:has-text('lab')");
  check(true, "the connection is added through the UI");
  await page.waitForSelector("[data-testid=connection-row]:has-text('healthy')", { timeout: 30_000 });
  check(true, "the connection turns healthy");

  await page.click("a[href='/infrastructure']");
  await page.waitForSelector("[data-testid=node-row]", { timeout: 30_000 });
  check((await page.$$("[data-testid=node-row]")).length === 3, "the cluster's three nodes appear live");

  await page.click("a[href='/settings']");
  await page.selectOption("select[name=type]", "pbs");
  await page.fill("input[name=name]", "backups");
  await page.fill("input[name=url]", pbsUrl);
  await page.fill("input[name=tokenId]", pbsTokenId);
  await page.fill("input[name=tokenSecret]", pbsSecret);
  await page.fill("input[name=fingerprint]", "");
  await page.click("[data-testid=test-connection]");
  await page.click("[data-testid=trust-fingerprint]");
  await page.waitForSelector("[data-testid=test-result]:has-text('Connected: Proxmox Backup Server')");
  await page.click("[data-testid=connection-form] button[type=submit]");
  await page.waitForSelector("[data-testid=connection-row]:has-text('backups')");
  check(true, "a Proxmox Backup Server connection is added through the UI");

  await page.click("a[href='/backups']");
  await page.waitForSelector("[data-testid=datastore-row][data-name=store1]", { timeout: 30_000 });
  const stores = await page.$$eval("[data-testid=datastore-row]", (rows) => rows.length);
  check(stores === 3, "its datastores appear under /backups");

  await page.click("a[href='/settings']");
  await page.selectOption("select[name=type]", "truenas");
  await page.fill("input[name=name]", "nas");
  await page.fill("input[name=url]", nasUrl.replace("https://", "http://"));
  await page.fill("input[name=apiKey]", nasKey);
  await page.fill("input[name=fingerprint]", "");
  await page.click("[data-testid=connection-form] button[type=submit]");
  const plain = await (await page.waitForSelector("[data-testid=form-error]")).textContent();
  check(plain?.startsWith("url:") ?? false, `plain http is refused for a TrueNAS key (${plain})`);
  await page.fill("input[name=url]", nasUrl);
  await page.click("[data-testid=test-connection]");
  await page.click("[data-testid=trust-fingerprint]");
  await page.waitForSelector("[data-testid=test-result]:has-text('Connected: TrueNAS TrueNAS-SCALE-24.10.2 (websocket)')");
  await page.click("[data-testid=connection-form] button[type=submit]");
  await page.waitForSelector("[data-testid=connection-row]:has-text('nas')");
  check(true, "a TrueNAS connection is added through the UI with its API key");
  await page.click("a[href='/truenas']");
  await page.waitForSelector("[data-testid=truenas-pool-row][data-name=tank]", { timeout: 30_000 });
  const tank = await page.textContent("[data-testid=truenas-pool-row][data-name=tank] [data-testid=status]");
  check(tank === "DEGRADED", `/truenas flags the degraded pool (${tank})`);
  const layout = await page.textContent("[data-testid=truenas-pool-row][data-name=tank]");
  check(layout?.includes("sdc REMOVED (3/0/12)") ?? false, "the removed disk and its errors are shown");
  const replication = await page.textContent("[data-testid=truenas-replication-row][data-name='tank/media - backup/media']");
  check(replication?.includes("ERROR") && replication.includes("cannot receive incremental stream"), "a failed replication is flagged");
  const snaps = await page.textContent("[data-testid=truenas-dataset-row][data-name='tank/media'] [data-testid=snapshots]");
  check(snaps?.startsWith("3, newest") ?? false, `snapshots per dataset (${snaps})`);
  await page.waitForFunction(() => document.querySelector("[data-testid=truenas-live] [data-testid=cpu]")?.textContent?.includes("%"),
    null, { timeout: 30_000 });
  const memory = await page.textContent("[data-testid=truenas-live] [data-testid=memory] + div + div");
  check(memory?.includes("ZFS cache 40") ?? false, `live memory with the ZFS cache beside it (${memory})`);
  const boot = await page.textContent("[data-testid=truenas-pool-row][data-name=boot-pool] [data-testid=status]");
  check(boot === "ONLINE", `the boot pool is listed (${boot})`);
  await page.waitForFunction(() => document.querySelector("[data-testid=truenas-workload-row][data-name=plex] [data-testid=memory]")
    ?.textContent?.includes("GiB"), null, { timeout: 30_000 });
  check(true, "a running app shows its memory");

  await page.click("a[href='/settings']");
  await page.fill("input[name=hostTokenName]", "web01");
  await page.click("[data-testid=add-host-button]");
  const command = await (await page.waitForSelector("[data-testid=install-command]")).textContent();
  const minted = command?.match(/--token (pulse_\S+)/)?.[1];
  check(command?.startsWith(`curl -fsSL ${base}/install.sh | sudo bash -s -- --url ${base} --token pulse_`) ?? false,
    `Add a host shows the install command (${command})`);
  const script = await page.evaluate(async () => (await fetch("/install.sh")).status);
  check(script === 200, "the install script is served without a token");
  const access = await page.evaluate(async (t) => {
    const report = await fetch("/api/agents/agent/report", { method: "POST", headers: { Authorization: `Bearer ${t}`,
      "Content-Type": "application/json" }, body: JSON.stringify({ agent: { id: "web01" }, host: { hostname: "web01" } }) });
    const read = await fetch("/api/resources", { headers: { Authorization: `Bearer ${t}` } });
    return [report.status, read.status];
  }, minted);
  check(access[0] === 200 && access[1] === 403, `the host's token may report but not read (${access})`);

  // alerts: make the CPU rule fire on anything, at once, and see it arrive without a reload
  await page.click("a[href='/alerts']");
  await page.waitForSelector("[data-testid=alert-row] [data-testid=alert-message]:has-text('tank is DEGRADED')", { timeout: 30_000 });
  check(true, "the default rules already flag the NAS's degraded pool");
  const cpuRows = () => page.$$eval("[data-testid=alert-row][data-id^='cpu@']", (rows) => rows.length);
  check(await cpuRows() === 0, "no CPU alert yet");
  await page.click("[data-testid=tab-rules]");
  const cpu = "[data-testid=rule-row][data-id=cpu]";
  const summary = await page.textContent(`${cpu} [data-testid=rule-summary]`);
  check(summary === "warns at 80 (clears below 75), critical at 95 (clears below 90), after 5 min",
    `the CPU rule's hysteresis and delay are shown in words (${summary})`);
  await page.fill(`${cpu} [data-testid=warning-clear]`, "90");
  await page.click("[data-testid=save-rules]");
  const refusal = await (await page.waitForSelector("[data-testid=rules-status]")).textContent();
  check(refusal?.startsWith("rules.cpu.warning.clear:") ?? false, `a clear level above its trigger is refused, naming it (${refusal})`);
  await page.fill(`${cpu} [data-testid=warning-clear]`, "0");
  await page.fill(`${cpu} [data-testid=warning-trigger]`, "0");
  await page.fill(`${cpu} [data-testid=delay]`, "0");
  await page.click("[data-testid=save-rules]");
  await page.waitForSelector("[data-testid=rules-status]:has-text('Saved')");
  const navigations = [];
  page.on("framenavigated", (f) => f === page.mainFrame() && navigations.push(f.url()));
  await page.click("[data-testid=tab-active]");
  const cpuAlert = "[data-testid=alert-row][data-id^='cpu@']";
  await page.waitForSelector(cpuAlert, { timeout: 30_000 });
  const message = await page.textContent(`${cpuAlert} [data-testid=alert-message]`);
  check(/^CPU [\d.]+ % ≥ 0 %$/.test(message ?? ""), `an edited threshold fires an alert that appears live (${message})`);
  check(navigations.length === 0 && (await page.$("[data-testid=alert-count]")) !== null, "without a reload, and the menu counts it");
  await page.click(`${cpuAlert} [data-testid=ack]`);
  await page.waitForSelector(`${cpuAlert} [data-testid=acknowledged]:has-text('admin')`);
  check(true, "acknowledging records who did it");
  await page.click("a[href='/infrastructure']");
  await page.waitForSelector("[data-testid=node-row] [data-testid=alert-badge]");
  check(true, "the node carries an alert badge");

  await page.click("a[href='/settings']");
  await page.fill("input[name=channelName]", "ops hook");
  await page.selectOption("select[name=channelType]", "webhook");
  await page.fill("input[name=setting-url]", "http://127.0.0.1:9/hook");
  await page.fill("input[name=secret-hmacSecret]", "shared-secret-1");
  await page.click("[data-testid=channel-form] button[type=submit]");
  const refusedSave = await (await page.waitForSelector("[data-testid=channel-message]:has-text('private address')")).textContent();
  check(refusedSave?.startsWith("settings.url") ?? false, `a webhook to a private address is refused when saved (${refusedSave})`);
  await page.check("[data-testid=channel-form] label:has-text('allow private addresses') input");
  await page.click("[data-testid=channel-form] button[type=submit]");
  await page.waitForSelector("[data-testid=channel-row][data-name='ops hook']");
  const row = await page.textContent("[data-testid=channel-row][data-name='ops hook']");
  check(row?.includes("hmacSecret set") && !row.includes("shared-secret-1"), `a channel is added; its secret shows only as set (${row})`);
  await page.click("[data-testid=channel-row][data-name='ops hook'] [data-testid=channel-test]");
  const tested = await (await page.waitForSelector("[data-testid=channel-test-result]:has-text('failed')")).textContent();
  check(tested?.includes("refused") ?? false, `Test says in words why nothing was sent (${tested})`);
  await page.click("[data-testid=channel-row][data-name='ops hook'] [data-testid=channel-edit]");
  await page.fill("input[name=maxPerHour]", "5");
  await page.click("[data-testid=channel-submit]");
  await page.waitForSelector("[data-testid=channel-message]:has-text('Channel saved')");
  const edited = await page.textContent("[data-testid=channel-row][data-name='ops hook']");
  check(edited?.includes("at most 5/h") && edited.includes("hmacSecret set"), `a channel is changed and keeps its secret (${edited})`);

  // tuning: one resource gets its own CPU thresholds, its alert goes live; an escalation step is kept
  await page.click("a[href='/alerts']");
  const firstCpu = await (await page.waitForSelector(cpuAlert, { timeout: 30_000 })).getAttribute("data-id");
  const resourceId = firstCpu.slice("cpu@".length);
  await page.click("[data-testid=tab-rules]");
  await page.selectOption("[data-testid=override-resource]", resourceId);
  await page.selectOption("[data-testid=override-rule]", "cpu");
  for (const [field, value] of [["warning-trigger", "500"], ["warning-clear", "400"], ["critical-trigger", "600"], ["critical-clear", "500"]]) {
    await page.fill(`[data-testid=override-${field}]`, value);
  }
  await page.click("[data-testid=override-thresholds]");
  await page.fill("[data-testid=override-note]", "runs hot by design");
  await page.click("text=Set note");
  const override = await page.textContent(`[data-testid=override-row][data-id='${resourceId}']`);
  check(override?.includes("cpu: warns 500/400, critical 600/500") && override.includes("runs hot by design"),
    `a resource's own thresholds and note are listed (${override})`);
  await page.click("[data-testid=escalation-add]");
  await page.check("[data-testid=escalation-step] [data-testid=escalation-channel][data-name='ops hook']");
  await page.click("[data-testid=save-rules]");
  await page.waitForSelector("[data-testid=rules-status]:has-text('Saved')");
  const stored = await page.evaluate(async () => (await (await fetch("/api/alerts/config",
    { headers: { Authorization: `Bearer ${localStorage.getItem("pulse.apiToken")}` } })).json()));
  check(stored.escalations?.length === 1 && stored.escalations[0].afterMinutes === 15 && stored.escalations[0].channelIds.length === 1,
    `an escalation step is stored (${JSON.stringify(stored.escalations)})`);
  await page.click("[data-testid=tab-active]");
  await page.waitForSelector(`[data-testid=alert-row][data-id='${firstCpu}']`, { state: "detached", timeout: 30_000 });
  check(true, "the resource's own thresholds resolve its CPU alert live");
} finally {
  await context.close();
}
console.log("token e2e passed");
