#!/usr/bin/env bash
# Installs the Pulse agent as a hardened systemd service.
#   curl -fsSL https://pulse.example:7655/install.sh | sudo bash -s -- --url https://pulse.example:7655 --token TOKEN
# Options: --url URL (required), --token TOKEN (required), --interval 30s, --hostname NAME,
#          --docker auto|on|off, --insecure (accept a self-signed certificate while downloading), --uninstall
set -euo pipefail

URL="" TOKEN="" INTERVAL="30s" HOSTNAME_OVERRIDE="" DOCKER="auto" CURL_TLS="" UNINSTALL=0
while [ $# -gt 0 ]; do
  case "$1" in
    --url) URL="${2:-}"; shift 2 ;;
    --token) TOKEN="${2:-}"; shift 2 ;;
    --interval) INTERVAL="${2:-}"; shift 2 ;;
    --hostname) HOSTNAME_OVERRIDE="${2:-}"; shift 2 ;;
    --docker) DOCKER="${2:-}"; shift 2 ;;
    --insecure) CURL_TLS="-k"; shift ;;
    --uninstall) UNINSTALL=1; shift ;;
    *) echo "pulse-agent install: unknown option $1" >&2; exit 2 ;;
  esac
done

DIR=/opt/pulse-agent
CONF=/etc/pulse-agent
UNIT=/etc/systemd/system/pulse-agent.service

if [ "$(id -u)" -ne 0 ]; then
  echo "pulse-agent install: run as root (sudo), since it installs a systemd service" >&2; exit 1
fi
if [ "$UNINSTALL" -eq 1 ]; then
  systemctl disable --now pulse-agent.service 2>/dev/null || true
  rm -f "$UNIT"; rm -rf "$DIR" "$CONF"; systemctl daemon-reload || true
  echo "pulse-agent removed"; exit 0
fi
if [ -z "$URL" ] || [ -z "$TOKEN" ]; then
  echo "pulse-agent install: --url and --token are required" >&2; exit 2
fi
URL="${URL%/}"

JAVA="$(command -v java || true)"
if [ -z "$JAVA" ]; then
  echo "pulse-agent install: the agent runs on Java 17 or newer, and this host has no 'java'." >&2
  echo "  Debian/Ubuntu/Proxmox: apt-get install -y openjdk-17-jre-headless" >&2
  echo "  RHEL/Fedora:           dnf install -y java-17-openjdk-headless" >&2
  echo "  Alpine:                apk add openjdk17-jre-headless" >&2
  exit 1
fi
JAVA_MAJOR="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')"
if [ -z "$JAVA_MAJOR" ] || [ "$JAVA_MAJOR" -lt 17 ]; then
  echo "pulse-agent install: $JAVA is Java ${JAVA_MAJOR:-unknown}; the agent needs 17 or newer" >&2; exit 1
fi
for tool in curl sha256sum systemctl; do
  command -v "$tool" >/dev/null || { echo "pulse-agent install: '$tool' is required" >&2; exit 1; }
done

TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
curl -fsS $CURL_TLS -D "$TMP/headers" -o "$TMP/pulse-agent.jar" "$URL/download/pulse-agent.jar"
EXPECTED="$(tr -d '\r' < "$TMP/headers" | sed -n 's/^[Xx]-[Cc]hecksum-[Ss]ha256: *\([0-9a-fA-F]*\).*/\1/p' | tail -n1)"
ACTUAL="$(sha256sum "$TMP/pulse-agent.jar" | cut -d' ' -f1)"
if [ -z "$EXPECTED" ] || [ "${EXPECTED,,}" != "$ACTUAL" ]; then
  echo "pulse-agent install: the downloaded jar does not match its X-Checksum-Sha256 (${EXPECTED:-none} vs $ACTUAL)" >&2; exit 1
fi

install -d -m 0755 "$DIR"; install -d -m 0700 "$CONF"
install -m 0644 "$TMP/pulse-agent.jar" "$DIR/pulse-agent.jar"
umask 077; printf '%s\n' "$TOKEN" > "$CONF/token"; chmod 0600 "$CONF/token"

EXTRA=""
# a host and its containers fit in 8 MB of heap (a Kubernetes cluster's lists need more: run the
# agent in the cluster with -Xmx32m or more instead)
HEAP=8m
[ -n "$HOSTNAME_OVERRIDE" ] && EXTRA="$EXTRA --hostname $HOSTNAME_OVERRIDE"
cat > "$UNIT" <<UNIT
[Unit]
Description=Pulse monitoring agent
Documentation=$URL
After=network-online.target docker.service
Wants=network-online.target

[Service]
# -Xint: the agent works a few milliseconds per interval, so no JIT compiler (and its memory) is worth having
ExecStart=$JAVA -Xint -Xmx${HEAP} -Xms4m -Xss256k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=4m -XX:MaxHeapFreeRatio=20 -XX:MinHeapFreeRatio=5 -XX:-UsePerfData -jar $DIR/pulse-agent.jar agent --url $URL --token-file $CONF/token --interval $INTERVAL --docker $DOCKER$EXTRA
Restart=always
RestartSec=10
# Root only to read the DMI UUID and the Docker socket; no capabilities, nothing writable.
User=root
CapabilityBoundingSet=
AmbientCapabilities=
NoNewPrivileges=yes
ProtectSystem=strict
ProtectHome=yes
PrivateTmp=yes
PrivateDevices=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes
ProtectClock=yes
ProtectHostname=yes
RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6
RestrictNamespaces=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
LockPersonality=yes
SystemCallArchitectures=native
MemoryMax=128M

[Install]
WantedBy=multi-user.target
UNIT

systemctl daemon-reload
systemctl enable --now pulse-agent.service
echo "pulse-agent installed and started; it reports to $URL (logs: journalctl -u pulse-agent)"
