import { describe, expect, it } from "vitest";
import { containerLabel } from "../src/routes/Docker";
import { installCommand } from "../src/api/tokens";
import { podLabel } from "../src/routes/Kubernetes";
import { smartSummary } from "../src/routes/Infrastructure";
import { vdevSummary } from "../src/routes/TrueNas";

type Container = Parameters<typeof containerLabel>[0];

function container(over: Partial<Container>): Container {
  return {
    containerId: "a", image: "nginx", state: "running", statusText: null, health: null, restartCount: 0, exitCode: null,
    oomKilled: null, createdAt: null, startedAt: null, composeProject: null, composeService: null, podName: null, ports: [],
    labels: {}, ...over,
  };
}

describe("containerLabel", () => {
  it("says unhealthy for a running container whose health check fails", () => {
    expect(containerLabel(container({ health: "unhealthy" }))).toBe("unhealthy");
    expect(containerLabel(container({ health: "healthy" }))).toBe("running");
  });

  it("names an OOM kill and an exit code rather than just 'exited'", () => {
    expect(containerLabel(container({ state: "exited", exitCode: 137, oomKilled: true }))).toBe("exited (OOM-killed)");
    expect(containerLabel(container({ state: "exited", exitCode: 1 }))).toBe("exited (1)");
  });
});

describe("installCommand", () => {
  it("pipes this server's install.sh to bash with its URL and the token", () => {
    expect(installCommand("https://pulse.lan:7655", "pulse_abc")).toBe(
      "curl -fsSL https://pulse.lan:7655/install.sh | sudo bash -s -- --url https://pulse.lan:7655 --token pulse_abc");
  });
});


describe("podLabel", () => {
  const pod = { namespace: "shop", phase: "Running", reason: null, nodeName: "w1", restarts: 0, containers: 1, readyContainers: 1,
    ownerKind: null, ownerName: null, terminating: false };

  it("says why a pod is unwell rather than its phase", () => {
    expect(podLabel({ ...pod, reason: "CrashLoopBackOff" })).toBe("CrashLoopBackOff");
    expect(podLabel({ ...pod, terminating: true })).toBe("Terminating");
    expect(podLabel({ ...pod, phase: "Succeeded" })).toBe("Completed");
    expect(podLabel(pod)).toBe("Running");
  });
});

describe("smartSummary", () => {
  it("names the disk, its verdict and only the figures it gives", () => {
    expect(smartSummary({ device: "/dev/sda", model: "WDC WD40EFRX", serial: null, passed: true, temperatureCelsius: 34,
      powerOnHours: 40210, wearoutPercent: null, reallocatedSectors: 8, pendingSectors: 2, mediaErrors: null }))
      .toBe("sda WDC WD40EFRX: PASSED, 34 °C, 8 reallocated, 2 pending");
    expect(smartSummary({ device: "/dev/sdc", model: null, serial: null, passed: false, temperatureCelsius: null,
      powerOnHours: null, wearoutPercent: null, reallocatedSectors: 0, pendingSectors: null, mediaErrors: null }))
      .toBe("sdc: FAILING");
  });
});

describe("vdevSummary", () => {
  it("lists a vdev's disks with their state and any read/write/checksum errors", () => {
    const disk = (name: string | null, status: string, r = 0, c = 0) => ({ name: "DISK", type: "DISK", status, disk: name, readErrors: r,
      writeErrors: 0, checksumErrors: c, children: [] });
    expect(vdevSummary({ name: "raidz1-0", type: "RAIDZ1", status: "DEGRADED", disk: null, readErrors: 0, writeErrors: 0,
      checksumErrors: 0, children: [disk("sda", "ONLINE"), disk("sdc", "REMOVED", 3, 12)] }))
      .toBe("raidz1-0 DEGRADED: sda ONLINE, sdc REMOVED (3/0/12)");
  });
});
