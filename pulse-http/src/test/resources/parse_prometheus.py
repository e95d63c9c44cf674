# Parses the Prometheus text format on stdin with the official Python client's parser, which raises
# on anything malformed, and prints each sample as JSON: {"name": ..., "labels": {...}, "value": ...}.
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

for family in text_string_to_metric_families(sys.stdin.read()):
    for s in family.samples:
        print(json.dumps({"family": family.name, "type": family.type, "name": s.name, "labels": s.labels, "value": s.value}))
