"""One task of the bench runner in its own process: ``python -m bench.worker <in.json> <out.json>``.

The process opens the Odoo registry of one database, runs the task and writes its result as JSON.
A process per task keeps peak-memory figures per task and the databases' registries apart.
"""

import json
import logging
import resource
import sys
import time
import traceback
from pathlib import Path


def open_registry(payload):
    import odoo
    from odoo.tools import config

    config.parse_config(payload["odoo_args"], setup_logging=True)
    odoo.service.server.load_server_wide_modules()
    return odoo.modules.registry.Registry(payload["db"])


def main():
    payload = json.loads(Path(sys.argv[1]).read_text())
    out = Path(sys.argv[2])
    started = time.perf_counter()
    try:
        registry = open_registry(payload)
        from . import tasks

        result = tasks.run(registry, payload)
        status = 0
    except Exception:  # the runner reports the failure with its traceback
        logging.getLogger(__name__).exception("bench task %s failed", payload.get("task"))
        result = {"error": traceback.format_exc()}
        status = 1
    result["worker_seconds"] = round(time.perf_counter() - started, 2)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    out.write_text(json.dumps(result, default=str, indent=1))
    sys.exit(status)


if __name__ == "__main__":
    main()
