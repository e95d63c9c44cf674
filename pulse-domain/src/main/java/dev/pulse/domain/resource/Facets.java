package dev.pulse.domain.resource;

import org.jspecify.annotations.Nullable;

/**
 * The platform- and kind-specific facts of a resource, one typed facet each; absent ones are
 * {@code null}.
 *
 * @param proxmox Proxmox VE facts of a node or guest
 * @param storage facts of a storage
 * @param host facts of a host machine: OS, kernel, CPU model, load
 * @param guest what a guest's agent reports: OS, addresses, filesystems
 * @param disk facts of a physical disk
 * @param zfs facts of a ZFS pool
 * @param pbs facts of a Proxmox Backup Server
 * @param datastore facts of a PBS datastore
 * @param ceph facts of a Ceph cluster
 * @param cluster the cluster a node belongs to
 * @param protection a guest's backups and replication
 * @param pmg facts of a Proxmox Mail Gateway node
 * @param agent what a Pulse agent reports about its host
 * @param docker a Docker or Podman host, container or Swarm service
 * @param kubernetes a Kubernetes cluster, node, pod or deployment
 * @param truenas a TrueNAS box, pool or dataset
 */
public record Facets(
    @Nullable ProxmoxFacet proxmox,
    @Nullable StorageFacet storage,
    @Nullable HostFacet host,
    @Nullable GuestFacet guest,
    @Nullable DiskFacet disk,
    @Nullable ZfsPoolFacet zfs,
    @Nullable PbsFacet pbs,
    @Nullable DatastoreFacet datastore,
    @Nullable CephFacet ceph,
    @Nullable ClusterFacet cluster,
    @Nullable ProtectionFacet protection,
    @Nullable PmgFacet pmg,
    @Nullable AgentFacet agent,
    @Nullable DockerFacet docker,
    @Nullable KubernetesFacet kubernetes,
    @Nullable TrueNasFacet truenas) {

  public static final Facets NONE = new Facets(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

  public static Facets of(ProxmoxFacet proxmox) {
    return NONE.withProxmox(proxmox);
  }

  public Facets withProxmox(@Nullable ProxmoxFacet f) {
    return new Facets(f, storage, host, guest, disk, zfs, pbs, datastore, ceph, cluster, protection, pmg, agent, docker, kubernetes, truenas);
  }

  public Facets withStorage(@Nullable StorageFacet f) {
    return new Facets(proxmox, f, host, guest, disk, zfs, pbs, datastore, ceph, cluster, protection, pmg, agent, docker, kubernetes, truenas);
  }

  public Facets withHost(@Nullable HostFacet f) {
    return new Facets(proxmox, storage, f, guest, disk, zfs, pbs, datastore, ceph, cluster, protection, pmg, agent, docker, kubernetes, truenas);
  }

  public Facets withGuest(@Nullable GuestFacet f) {
    return new Facets(proxmox, storage, host, f, disk, zfs, pbs, datastore, ceph, cluster, protection, pmg, agent, docker, kubernetes, truenas);
  }

  public Facets withDisk(@Nullable DiskFacet f) {
    return new Facets(proxmox, storage, host, guest, f, zfs, pbs, datastore, ceph, cluster, protection, pmg, agent, docker, kubernetes, truenas);
  }

  public Facets withZfs(@Nullable ZfsPoolFacet f) {
    return new Facets(proxmox, storage, host, guest, disk, f, pbs, datastore, ceph, cluster, protection, pmg, agent, docker, kubernetes, truenas);
  }

  public Facets withPbs(@Nullable PbsFacet f) {
    return new Facets(proxmox, storage, host, guest, disk, zfs, f, datastore, ceph, cluster, protection, pmg, agent, docker, kubernetes, truenas);
  }

  public Facets withDatastore(@Nullable DatastoreFacet f) {
    return new Facets(proxmox, storage, host, guest, disk, zfs, pbs, f, ceph, cluster, protection, pmg, agent, docker, kubernetes, truenas);
  }

  public Facets withCeph(@Nullable CephFacet f) {
    return new Facets(proxmox, storage, host, guest, disk, zfs, pbs, datastore, f, cluster, protection, pmg, agent, docker, kubernetes, truenas);
  }

  public Facets withCluster(@Nullable ClusterFacet f) {
    return new Facets(proxmox, storage, host, guest, disk, zfs, pbs, datastore, ceph, f, protection, pmg, agent, docker, kubernetes, truenas);
  }

  public Facets withProtection(@Nullable ProtectionFacet f) {
    return new Facets(proxmox, storage, host, guest, disk, zfs, pbs, datastore, ceph, cluster, f, pmg, agent, docker, kubernetes, truenas);
  }

  public Facets withPmg(@Nullable PmgFacet f) {
    return new Facets(proxmox, storage, host, guest, disk, zfs, pbs, datastore, ceph, cluster, protection, f, agent, docker, kubernetes, truenas);
  }

  public Facets withAgent(@Nullable AgentFacet f) {
    return new Facets(proxmox, storage, host, guest, disk, zfs, pbs, datastore, ceph, cluster, protection, pmg, f, docker, kubernetes, truenas);
  }

  public Facets withDocker(@Nullable DockerFacet f) {
    return new Facets(proxmox, storage, host, guest, disk, zfs, pbs, datastore, ceph, cluster, protection, pmg, agent, f, kubernetes, truenas);
  }

  public Facets withKubernetes(@Nullable KubernetesFacet f) {
    return new Facets(proxmox, storage, host, guest, disk, zfs, pbs, datastore, ceph, cluster, protection, pmg, agent, docker, f, truenas);
  }

  public Facets withTruenas(@Nullable TrueNasFacet f) {
    return new Facets(proxmox, storage, host, guest, disk, zfs, pbs, datastore, ceph, cluster, protection, pmg, agent, docker, kubernetes, f);
  }
}
