"""Drives Pulse's PVE, PBS and PMG simulators with Debian's python3-proxmoxer, a real client.

Every documented path (one "GET /path" a line in the files named on the command line, with
{placeholders}) must answer, and the answers must agree with /cluster/resources and each other.
Prints one line per problem and exits 1 when there is any; prints "ok N paths" otherwise.
"""
import json
import sys

import urllib3
from proxmoxer import ProxmoxAPI

urllib3.disable_warnings()

problems = []


def check(condition, what):
    if not condition:
        problems.append(what)


def call(api, path):
    """GETs a documented path such as /nodes/pve1/rrddata?timeframe=hour through proxmoxer."""
    base, _, query = path.partition("?")
    params = dict(p.split("=", 1) for p in query.split("&")) if query else {}
    try:
        return api(base.lstrip("/")).get(**params)
    except Exception as e:  # noqa: BLE001 - every failure is a finding
        problems.append(f"GET {path}: {e}")
        return None


def get_all(api, paths_file, values):
    """GETs every documented path, its placeholders filled; returns how many there were."""
    with open(paths_file, encoding="utf-8") as f:
        paths = [line.strip().format(**values) for line in f if line.strip()]
    check(len(paths) > 5, f"{paths_file} lists {len(paths)} paths")
    for path in paths:
        call(api, path)
    return len(paths)


def pve(port, token_id, secret, paths_file):
    user, token = token_id.split("!")
    api = ProxmoxAPI("127.0.0.1", port=port, user=user, token_name=token, token_value=secret, verify_ssl=False)
    resources = api.cluster.resources.get()
    nodes = [r for r in resources if r["type"] == "node" and r["status"] == "online"]
    guests = [r for r in resources if r["type"] in ("qemu", "lxc") and r["status"] != "unknown"]
    storages = [r for r in resources if r["type"] == "storage"]
    node = nodes[0]["node"]
    for n in nodes:
        name = n["node"]
        by_type = {t: {int(g["vmid"]) for g in guests if g["node"] == name and g["type"] == t} for t in ("qemu", "lxc")}
        for t in ("qemu", "lxc"):
            listed = {int(g["vmid"]) for g in api.nodes(name)(t).get()}
            check(listed == by_type[t], f"/nodes/{name}/{t} lists {sorted(listed)}, /cluster/resources {sorted(by_type[t])}")
        for s in api.nodes(name).storage.get():
            entry = [r for r in storages if r["node"] == name and r["storage"] == s["storage"]]
            check(len(entry) == 1, f"storage {s['storage']} of {name} is not in /cluster/resources")
            if entry and s.get("active"):
                check(s["total"] == entry[0]["maxdisk"], f"{name}/{s['storage']} total {s['total']} != {entry[0]['maxdisk']}")
        rows = api.nodes(name).rrddata.get(timeframe="hour")
        check(len(rows) == 70 and all(a["time"] < b["time"] for a, b in zip(rows, rows[1:])), f"rrddata of {name}")
    for g in guests:
        guest = api.nodes(g["node"])(g["type"])(int(g["vmid"]))
        current = guest.status.current.get()
        for key, other in (("name", "name"), ("status", "status"), ("maxmem", "maxmem"), ("maxdisk", "maxdisk"),
                           ("cpus", "maxcpu")):
            check(current.get(key) == g.get(other), f"{g['id']} status/current {key}={current.get(key)} != {g.get(other)}")
        config = guest.config.get()
        check(config.get("name", config.get("hostname")) == g["name"], f"{g['id']} config name")
        check(int(config["memory"]) * 1024 * 1024 == g["maxmem"], f"{g['id']} config memory {config['memory']} MiB")
    vmids = {int(g["vmid"]) for g in guests}
    for job in api.cluster.replication.get():
        check(int(job["guest"]) in vmids, f"replication job {job['id']} is for an unknown guest")
    for task in api.cluster.tasks.get():
        check(task["node"] in {n["node"] for n in nodes} and task["upid"].startswith("UPID:"), f"task {task}")
    here = [g for g in guests if g["node"] == node and g["status"] == "running"]
    agent = next(int(g["vmid"]) for g in here if g["type"] == "qemu" and int(g["vmid"]) % 4 == 0)
    values = {
        "node": node,
        "vmid": next(int(g["vmid"]) for g in here if g["type"] == "qemu"),
        "agentvmid": agent,
        "ctid": next(int(g["vmid"]) for g in here if g["type"] == "lxc"),
        "storage": "nas-backup",
        "disk": api.nodes(node).disks.list.get()[0]["devpath"],
        "zpool": api.nodes(node).disks.zfs.get()[0]["name"],
    }
    return get_all(api, paths_file, values)


def pbs(port, token_id, secret, paths_file):
    user, token = token_id.split("!")
    api = ProxmoxAPI("127.0.0.1", port=port, user=user, token_name=token, token_value=secret, verify_ssl=False,
                     service="PBS")
    usage = {u["store"]: u for u in api.status("datastore-usage").get()}
    status = api.admin.datastore("store1").status.get()
    check(status["total"] == usage["store1"]["total"] and status["used"] == usage["store1"]["used"],
          "store1 status disagrees with /status/datastore-usage")
    groups = api.admin.datastore("store1").groups.get()
    check(len(groups) == 13, f"store1 has {len(groups)} groups")
    return get_all(api, paths_file, {"store": "store1"})


def pmg(port, user, password, paths_file):
    api = ProxmoxAPI("127.0.0.1", port=port, user=user, password=password, verify_ssl=False, service="PMG")
    members = {m["name"]: m for m in api.config.cluster.status.get()}
    for n in api.nodes.get():
        check(n["node"] in members, f"PMG node {n['node']} is not a cluster member")
        check(api.nodes(n["node"]).status.get()["uptime"] == members[n["node"]]["uptime"], f"uptime of {n['node']}")
    return get_all(api, paths_file, {"pmgnode": "pmg1", "queue": "deferred"})


def main():
    args = json.loads(sys.argv[1])
    served = pve(args["pve"], args["pveToken"], args["secret"], args["pvePaths"])
    served += pbs(args["pbs"], args["pbsToken"], args["secret"], args["pbsPaths"])
    served += pmg(args["pmg"], args["pmgUser"], args["pmgPassword"], args["pmgPaths"])
    try:  # beyond the list: a clear 501
        ProxmoxAPI("127.0.0.1", port=args["pve"], user=args["pveToken"].split("!")[0],
                   token_name=args["pveToken"].split("!")[1], token_value=args["secret"], verify_ssl=False).cluster.nonsense.get()
        problems.append("GET /cluster/nonsense answered")
    except Exception as e:  # noqa: BLE001
        check("501" in str(e), f"GET /cluster/nonsense: {e}")
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print(f"ok {served} paths")


main()
