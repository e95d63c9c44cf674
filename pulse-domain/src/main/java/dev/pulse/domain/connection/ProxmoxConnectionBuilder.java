package dev.pulse.domain.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Proxmox VE, Backup Server or Mail Gateway connection, field by field; start one with {@link
 * PveConnection}, {@link PbsConnection} or {@link PmgConnection}. {@link #build()} gives the draft
 * that {@code engine.connections().create(...)} validates. Not thread-safe.
 */
public final class ProxmoxConnectionBuilder {

  private final String type;
  private final String name;
  private final String url;
  private final @Nullable String tokenId;
  private final @Nullable String tokenSecret;
  private final @Nullable String username;
  private final @Nullable String password;
  private final List<String> endpoints = new ArrayList<>();
  private @Nullable String fingerprint;
  private @Nullable Boolean verifyTls;
  private ConnectionDraft.@Nullable Intervals intervals;

  ProxmoxConnectionBuilder(String type, String name, String url, @Nullable String tokenId, @Nullable String tokenSecret,
      @Nullable String username, @Nullable String password) {
    this.type = type;
    this.name = Objects.requireNonNull(name, "name");
    this.url = Objects.requireNonNull(url, "url");
    this.tokenId = tokenId;
    this.tokenSecret = tokenSecret;
    this.username = username;
    this.password = password;
  }

  /** Pins the certificate by its SHA-256 fingerprint ({@code AB:CD:…}), as trust on first use would. */
  public ProxmoxConnectionBuilder fingerprint(String sha256) {
    this.fingerprint = Objects.requireNonNull(sha256, "sha256");
    return this;
  }

  /** More endpoints of the same cluster, tried in order when the first fails. */
  public ProxmoxConnectionBuilder endpoints(String... urls) {
    endpoints.addAll(List.of(urls));
    return this;
  }

  /** Whether to verify the certificate against the JDK's trust store when none is pinned (default true). */
  public ProxmoxConnectionBuilder verifyTls(boolean verify) {
    this.verifyTls = verify;
    return this;
  }

  /** Seconds between polls of each tier; {@code null} keeps a tier's default. */
  public ProxmoxConnectionBuilder intervals(@Nullable Integer fast, @Nullable Integer slow, @Nullable Integer disks) {
    this.intervals = new ConnectionDraft.Intervals(fast, slow, disks);
    return this;
  }

  public ConnectionDraft build() {
    return new ConnectionDraft(type, name, url, endpoints.isEmpty() ? null : List.copyOf(endpoints), tokenId, tokenSecret,
        username, password, fingerprint, verifyTls, intervals, null, null);
  }
}
