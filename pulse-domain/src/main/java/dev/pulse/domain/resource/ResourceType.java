package dev.pulse.domain.resource;

import java.util.Arrays;
import java.util.Optional;

/** The canonical resource types every platform is normalised into. */
public enum ResourceType {
  /** A host machine: a PVE node, a TrueNAS host, an agent host. */
  AGENT("agent"),
  VM("vm"),
  /** An LXC container. */
  SYSTEM_CONTAINER("system-container"),
  /** A Docker or Podman container. */
  APP_CONTAINER("app-container"),
  DOCKER_HOST("docker-host"),
  /** A Docker Swarm service. */
  DOCKER_SERVICE("docker-service"),
  K8S_CLUSTER("k8s-cluster"),
  K8S_NODE("k8s-node"),
  POD("pod"),
  K8S_DEPLOYMENT("k8s-deployment"),
  STORAGE("storage"),
  PBS("pbs"),
  PMG("pmg"),
  CEPH("ceph"),
  PHYSICAL_DISK("physical_disk"),
  ZFS_POOL("zfs-pool");

  private final String wireName;

  ResourceType(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in the API and the UI, for example {@code system-container}. */
  public String wireName() {
    return wireName;
  }

  public static Optional<ResourceType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
