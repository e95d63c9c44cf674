package dev.pulse.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The API answers of a large synthetic PVE cluster, as bytes: {@code /cluster/resources} with
 * nodes, guests and per-node storage, and one {@code /nodes/{node}/status}. The {@code phase}
 * moves every guest's figures, so that two phases differ the way two real polls do.
 */
final class SyntheticCluster {

  private SyntheticCluster() {}

  static byte[] clusterResources(int nodes, int guests, int phase) {
    StringBuilder json = new StringBuilder(guests * 420).append("{\"data\":[");
    for (int n = 1; n <= nodes; n++) {
      json.append(String.format(Locale.ROOT,
          "{\"id\":\"node/pve%d\",\"type\":\"node\",\"node\":\"pve%d\",\"status\":\"online\",\"cpu\":%.4f,\"maxcpu\":64,"
              + "\"mem\":%d,\"maxmem\":274877906944,\"disk\":15000000000,\"maxdisk\":100000000000,\"uptime\":%d,\"level\":\"c\"},",
          n, n, 0.1 + (n + phase) % 7 / 100.0, 100_000_000_000L + phase * 1_000_000L, 864_000 + phase));
      json.append(String.format(Locale.ROOT,
          "{\"id\":\"storage/pve%d/local-zfs\",\"type\":\"storage\",\"storage\":\"local-zfs\",\"node\":\"pve%d\","
              + "\"plugintype\":\"zfspool\",\"status\":\"available\",\"shared\":0,\"content\":\"images,rootdir\","
              + "\"disk\":912680550400,\"maxdisk\":1002937204736},", n, n));
      json.append(String.format(Locale.ROOT,
          "{\"id\":\"storage/pve%d/ceph-vm\",\"type\":\"storage\",\"storage\":\"ceph-vm\",\"node\":\"pve%d\",\"plugintype\":\"rbd\","
              + "\"status\":\"available\",\"shared\":1,\"content\":\"images\",\"disk\":3865470566400,\"maxdisk\":12002349744128},", n, n));
    }
    for (int g = 0; g < guests; g++) {
      int vmid = 100 + g;
      boolean lxc = g % 3 == 0;
      boolean running = g % 10 != 9;
      json.append(String.format(Locale.ROOT,
          "{\"id\":\"%s/%d\",\"type\":\"%s\",\"vmid\":%d,\"node\":\"pve%d\",\"name\":\"guest-%d\",\"status\":\"%s\",\"template\":0,"
              + "\"cpu\":%.4f,\"maxcpu\":4,\"mem\":%d,\"maxmem\":8589934592,\"disk\":%d,\"maxdisk\":34359738368,"
              + "\"netin\":%d,\"netout\":%d,\"diskread\":%d,\"diskwrite\":%d,\"uptime\":%d,\"tags\":\"prod;web\"},",
          lxc ? "lxc" : "qemu", vmid, lxc ? "lxc" : "qemu", vmid, g % nodes + 1, g, running ? "running" : "stopped",
          running ? (g + phase) % 100 / 1000.0 : 0.0, running ? 2_000_000_000L + (g + phase) % 97 * 1_000_000L : 0,
          lxc && running ? 5_000_000_000L : 0, 1_000_000L * (phase + 1) + g, 500_000L * (phase + 1) + g,
          3_000_000L * (phase + 1) + g, 2_000_000L * (phase + 1) + g, 432_000 + phase * 10));
    }
    json.setLength(json.length() - 1);
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] nodeStatus(int phase) {
    return String.format(Locale.ROOT,
        "{\"data\":{\"uptime\":%d,\"loadavg\":[\"0.52\",\"0.61\",\"0.58\"],\"cpu\":%.4f,\"wait\":0.0012,"
            + "\"kversion\":\"Linux 6.8.12-4-pve #1 SMP PREEMPT_DYNAMIC\",\"cpuinfo\":{\"model\":\"AMD EPYC 7543\",\"sockets\":2,"
            + "\"cores\":32,\"cpus\":64,\"mhz\":\"2800.000\"},\"memory\":{\"total\":274877906944,\"free\":100000000000,"
            + "\"available\":150000000000,\"used\":%d},\"swap\":{\"total\":8589930496,\"free\":8589930496,\"used\":0},"
            + "\"pveversion\":\"pve-manager/8.2.4/faa83925\",\"rootfs\":{\"total\":100861726720,\"avail\":80104906752,"
            + "\"used\":15602532352,\"free\":85259194368},\"current-kernel\":{\"release\":\"6.8.12-4-pve\"}}}",
        864_000 + phase, 0.1 + phase % 7 / 100.0, 124_877_906_944L + phase).getBytes(StandardCharsets.UTF_8);
  }
}
