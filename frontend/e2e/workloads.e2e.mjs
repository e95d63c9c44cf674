// End-to-end: Pulse in demo mode, the /workloads page in headless Chromium.
// usage: node e2e/workloads.e2e.mjs http://127.0.0.1:PORT [screenshot.png]
import { check, launch } from "./browser.mjs";

const [base, screenshot] = process.argv.slice(2);
if (!base) throw new Error("usage: workloads.e2e.mjs BASE_URL [screenshot.png]");

const context = await launch();
try {
  const page = await context.newPage();
  await page.goto(`${base}/workloads`);
  const row = (name) => `[data-testid=workload-row][data-name="${name}"]`;
  await page.waitForSelector(row("web01"), { timeout: 30_000 });
  check(true, "a simulated VM is listed on /workloads");

  const cpu = `${row("web01")} [data-testid=cpu]`;
  const before = await page.textContent(cpu);
  check(/^\d+\.\d%$/.test(before ?? ""), `web01 shows its CPU as a percentage (${before})`);
  const navigations = [];
  page.on("framenavigated", (f) => f === page.mainFrame() && navigations.push(f.url()));
  await page.waitForFunction(
    ([selector, initial]) => document.querySelector(selector)?.textContent !== initial,
    [cpu, before],
    { timeout: 45_000 },
  );
  const after = await page.textContent(cpu);
  check(navigations.length === 0, `the CPU value changed from ${before} to ${after} without a reload`);

  const noAgentDisk = await page.textContent(`${row("cache01")} [data-testid=disk]`);
  check(noAgentDisk === "—", "a VM's disk use without its agent, which PVE reports as 0, shows as — rather than 0");
  const agentDisk = await page.textContent(`${row("web01")} [data-testid=disk]`);
  check(/^\d+\.\d%$/.test(agentDisk ?? ""), `a VM with a running agent shows its filesystems' use (${agentDisk})`);

  await page.click(row("web01"));
  const detail = await (await page.waitForSelector("[data-testid=guest-detail]")).textContent();
  check(detail?.includes("Debian GNU/Linux 12") && detail.includes("10.0.1.100"), "a guest's detail shows its OS and address from the agent");
  await page.click(row("web01"));

  await page.fill("[data-testid=filter-text]", "db");
  await page.waitForFunction(() => [...document.querySelectorAll("[data-testid=workload-row]")]
    .every((r) => r.getAttribute("data-name")?.includes("db")));
  check(true, "the text filter narrows the list");
  await page.fill("[data-testid=filter-text]", "");
  await page.selectOption("[data-testid=filter-type]", "system-container");
  const types = await page.$$eval("[data-testid=workload-row]", (rows) => rows.map((r) => r.children[2]?.textContent));
  check(types.length > 0 && types.every((t) => t === "LXC"), `the type filter shows only LXC (${types.length})`);

  await page.selectOption("[data-testid=filter-type]", "all");
  await page.click("[data-testid=sort-cpu]");
  await page.click("[data-testid=sort-cpu]");
  const cpus = await page.$$eval("[data-testid=workload-row] [data-testid=cpu]", (cells) => cells.map((c) => c.textContent));
  const known = cpus.filter((c) => c !== "—").map((c) => parseFloat(c ?? ""));
  check(known.every((v, i) => i === 0 || known[i - 1] >= v) && cpus.slice(known.length).every((c) => c === "—"),
    "sorting by CPU, descending, puts the busiest first and unknown last");

  await page.click("a[href='/infrastructure']");
  await page.waitForSelector("[data-testid=node-row]");
  // the demo agent on pve1 is folded into that node; the one on docker1 is a host of its own
  await page.waitForSelector("[data-testid=node-row][data-name='docker1']", { timeout: 30_000 });
  const names = await page.$$eval("[data-testid=node-row]", (rows) => rows.map((r) => r.getAttribute("data-name")));
  check(names.join(",") === "docker1,nas01,pve1,pve2,pve3",
    `/infrastructure lists the three nodes, the agent host and the TrueNAS system, pve1 once (${names})`);
  await page.waitForSelector("[data-testid=node-row][data-name='pve1'] [data-testid=temperature]:has-text('°C')", { timeout: 30_000 });
  check(true, "pve1 shows the temperature its agent reports");
  await page.click("[data-testid=node-row][data-name='pve1']");
  const smart = await (await page.waitForSelector("[data-testid=smart]", { timeout: 30_000 })).textContent();
  check(smart?.includes("nvme0 Samsung SSD 980 PRO 1TB: PASSED, 41 °C, 3 % worn") ?? false, `pve1's detail shows its disks' SMART (${smart})`);
  await page.click("[data-testid=node-row][data-name='pve1']");
  const banner = await page.textContent("[data-testid=cluster-banner]");
  check(banner?.includes("2 of 3 nodes online") && banner.includes("quorate"), `the cluster's quorum is shown (${banner})`);
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });

  await page.click("a[href='/docker']");
  await page.waitForSelector("[data-testid=container-row][data-name='worker']", { timeout: 30_000 });
  const worker = await page.textContent("[data-testid=container-row][data-name='worker'] [data-testid=status]");
  check(worker === "unhealthy", `/docker flags the unhealthy container (${worker})`);
  const batch = await page.textContent("[data-testid=container-row][data-name='batch'] [data-testid=status]");
  check(batch === "exited (OOM-killed)", `/docker shows the OOM-killed container (${batch})`);
  const flaky = await page.textContent("[data-testid=container-row][data-name='flaky'] [data-testid=restarts]");
  check(flaky === "14", `/docker shows the restart loop's count (${flaky})`);
  await page.waitForSelector("[data-testid=service-row][data-name='web_nginx']:has-text('2 / 3')");
  check(true, "/docker shows the swarm service one replica short");

  await page.click("a[href='/kubernetes']");
  await page.waitForSelector("[data-testid=pod-row][data-name='shop/api-5f6d4c-xk2lq']", { timeout: 30_000 });
  const crash = await page.textContent("[data-testid=pod-row][data-name='shop/api-5f6d4c-xk2lq'] [data-testid=status]");
  check(crash === "CrashLoopBackOff", `/kubernetes says why a pod is unwell (${crash})`);
  const w2 = await page.textContent("[data-testid=k8s-node-row][data-name='k8s-w2'] [data-testid=status]");
  check(w2 === "NotReady", `/kubernetes flags the NotReady node (${w2})`);
  const web = await page.textContent("[data-testid=k8s-deployment-row][data-name='shop/web'] [data-testid=replicas]");
  check(web === "2 / 3", `/kubernetes shows the deployment a replica short (${web})`);

  await page.click("a[href='/storage']");
  await page.waitForSelector("[data-testid=zfs-row][data-name^='tank']");
  const tank = await page.textContent("[data-testid=zfs-row][data-name^='tank']");
  check(tank?.includes("DEGRADED") && tank.includes("3 / 0 / 12"), "/storage shows the degraded pool with its error counts");
  const disks = await page.$$eval("[data-testid=disk-row]:not([data-node='nas01'])", (rows) => rows.length);
  check(disks === 5, `/storage lists the physical disks of the online nodes (${disks})`);
  const hddLife = await page.textContent("[data-testid=disk-row][data-name='/dev/sdb']:not([data-node='nas01']) [data-testid=wearout]");
  const nasDisks = await page.$$eval("[data-testid=disk-row][data-node='nas01']", (rows) => rows.length);
  check(nasDisks === 5, `/storage lists the NAS's disks too (${nasDisks})`);
  check(hddLife === "—", "an HDD's unknown wearout shows as —");

  await page.click("a[href='/backups']");
  await page.waitForSelector("[data-testid=backup-group-row][data-name='vm/100']");
  const verify = await page.textContent("[data-testid=backup-group-row][data-name='vm/100'] [data-testid=verification]");
  check(verify === "failed", "/backups shows the failed verification of vm/100");
  const stores = await page.$$eval("[data-testid=datastore-row]", (rows) => rows.map((r) => r.getAttribute("data-name")));
  check(stores.join(",") === "offline-usb,store1,store2", `/backups lists the demo datastores (${stores})`);
  await page.waitForSelector("[data-testid=guest-backup-row][data-name=backup01] [data-testid=backup-result]:has-text('job errors')");
  check(true, "/backups shows the failed vzdump task of backup01");
  const replication = await page.textContent("[data-testid=guest-backup-row][data-name=git01] [data-testid=replication]");
  check(replication?.includes("failing"), `/backups shows git01's failing replication (${replication})`);

  await page.click("a[href='/ceph']");
  const ceph = await (await page.waitForSelector("[data-testid=ceph-cluster]")).textContent();
  check(ceph?.includes("HEALTH_WARN") && ceph.includes("OSD_DOWN") && ceph.includes("5 / 6 / 6"), "/ceph shows the warning, its checks and the OSDs");

  await page.click("a[href='/mail']");
  await page.waitForSelector("[data-testid=pmg-row][data-name=pmg1] [data-testid=deferred]");
  const deferred = await page.textContent("[data-testid=pmg-row][data-name=pmg1] [data-testid=deferred]");
  check(Number(deferred) >= 37, `/mail shows pmg1's deferred queue (${deferred})`);
  const stats = await page.textContent("[data-testid=mail-stats]");
  check(stats?.includes("3,120") ?? false, "/mail shows the day's spam count, sent by PMG as a string");

  // history: by now the demo has been recorded for a while (every poll)
  await page.click("a[href='/workloads']");
  await page.waitForSelector(`${row("web01")} svg[data-testid=cpu-sparkline]`, { timeout: 45_000 });
  const drawn = Number(await page.getAttribute(`${row("web01")} svg[data-testid=cpu-sparkline]`, "data-points"));
  check(drawn >= 2, `web01 has a CPU sparkline of ${drawn} points, from the one request for the page`);
  const stopped = await page.$$eval("[data-testid=workload-row] [data-testid=cpu-sparkline][data-empty=true]", (e) => e.length);
  check(stopped > 0, `guests without a CPU figure say "no data yet" rather than drawing zeros (${stopped})`);
  await page.click(`${row("web01")} [data-testid=history-button]`);
  await page.waitForSelector("[data-testid=history-drawer] [data-testid=history-chart][data-metric=cpu] canvas", { timeout: 30_000 });
  const charts = await page.$$eval("[data-testid=history-chart]", (c) => c.map((e) => e.getAttribute("data-metric")));
  check(charts[0] === "cpu" && charts.includes("memory"), `the history drawer charts web01's metrics (${charts})`);
  const latest = await page.textContent("[data-testid=history-chart][data-metric=cpu] [data-testid=history-latest]");
  check(/^now \d+(\.\d)?% · raw$/.test(latest ?? ""), `the last hour comes from raw samples (${latest})`);
  await page.click("[data-testid=range-7d]");
  await page.waitForSelector("[data-testid=history-chart][data-metric=cpu] [data-testid=history-latest]:has-text('minute')",
    { timeout: 15_000 }).catch(() => null);
  const week = await page.textContent("[data-testid=history-chart][data-metric=cpu] [data-testid=history-latest]");
  check(week?.endsWith("minute") ?? false, `7 days are read from the minute tier (${week})`);
  await page.click("[data-testid=history-close]");
  check((await page.$("[data-testid=history-drawer]")) === null, "the drawer closes");
} finally {
  await context.close();
}
console.log("workloads e2e passed");
