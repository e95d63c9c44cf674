import { describe, expect, it } from "vitest";
import { toDraft } from "../src/components/ConnectionForm";

const base = {
  type: "pve" as const,
  name: "lab", url: "https://pve1:8006", endpoints: "https://pve2:8006, https://pve3:8006\nhttps://pve4:8006",
  auth: "token" as const, tokenId: "a@b!c", tokenSecret: "s", username: "root@pam", password: "pw",
  fingerprint: "  ", verifyTls: true, fast: "", slow: "", disks: "", apiKey: "", allowInsecureTransport: false,
};

describe("toDraft", () => {
  it("sends only the credentials of the chosen kind", () => {
    const token = toDraft(base);
    expect(token.tokenId).toBe("a@b!c");
    expect(token.username).toBeNull();
    expect(token.password).toBeNull();

    const password = toDraft({ ...base, auth: "password" });
    expect(password.tokenSecret).toBeNull();
    expect(password.username).toBe("root@pam");
  });

  it("splits further endpoints on commas and white space, and drops a blank fingerprint", () => {
    const d = toDraft(base);
    expect(d.endpoints).toEqual(["https://pve2:8006", "https://pve3:8006", "https://pve4:8006"]);
    expect(d.fingerprint).toBeNull();
  });
});

describe("toDraft for a backup server", () => {
  it("keeps the chosen platform", () => {
    expect(toDraft({ ...base, type: "pbs" }).type).toBe("pbs");
  });
});

describe("toDraft for a mail gateway", () => {
  it("always sends user and password, since PMG has no API tokens", () => {
    const d = toDraft({ ...base, type: "pmg", auth: "token" });
    expect(d.tokenId).toBeNull();
    expect(d.username).toBe("root@pam");
  });
});

describe("toDraft intervals", () => {
  it("sends no intervals when none is set, and only the ones set otherwise", () => {
    expect(toDraft(base).intervals).toBeNull();
    expect(toDraft({ ...base, slow: "120" }).intervals).toEqual({ fast: null, slow: 120, disks: null });
  });
});

describe("toDraft for TrueNAS", () => {
  it("sends the API key and the insecure-transport choice, and no Proxmox credentials", () => {
    const d = toDraft({ ...base, type: "truenas", url: "https://nas01", apiKey: "1-abc", allowInsecureTransport: false });
    expect(d.type).toBe("truenas");
    expect(d.apiKey).toBe("1-abc");
    expect(d.allowInsecureTransport).toBe(false);
    expect(d.tokenId).toBeNull();
    expect(d.endpoints).toEqual([]);
  });
});
