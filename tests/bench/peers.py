"""The peers users would pick instead of our modules, fetched by the bench itself.

OCA publishes each addon as a wheel ``odoo-addon-<name>`` on PyPI. A wheel is downloaded with
``pip download --no-deps`` and only its ``odoo/addons/<name>/`` folder is unpacked into an addons
folder of the bench's scratch directory: installing the wheel with pip would create
``site-packages/odoo/`` and shadow the Odoo the project runs on. Addon dependencies
(``Requires-Dist: odoo-addon-...``) are fetched the same way; ``odoo`` itself is not.
"""

import re
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

# Peer addons by database flavour: what a user installs instead of ours.
OCA_ADDONS = ("account_financial_risk", "sale_financial_risk", "account_credit_control")
SERIES = "18.0"
REQUIREMENT = re.compile(r"^odoo-addon-([A-Za-z0-9_.-]+)")


def _download(name, dest):
    """Download the newest 18.0 wheel of addon ``name`` into ``dest``; return its path."""
    dist = f"odoo-addon-{name}"
    before = set(dest.glob("*.whl"))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "--disable-pip-version-check",
            "--quiet",
            "--dest",
            str(dest),
            f"{dist}>={SERIES},<{SERIES}.999",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"pip download {dist} failed:\n{done.stdout}{done.stderr}")
    prefix = dist.replace("-", "_").lower()
    wheels = [
        w for w in set(dest.glob("*.whl")) | before if w.name.lower().startswith(prefix + "-")
    ]
    if not wheels:
        raise RuntimeError(f"pip downloaded no wheel for {dist}")
    return max(wheels, key=lambda w: w.stat().st_mtime)


def _unpack(wheel, addons_dir):
    """Unpack the addon folder of ``wheel`` into ``addons_dir``; return (name, version, deps)."""
    with zipfile.ZipFile(wheel) as archive:
        metadata_name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(archive.read(metadata_name).decode())
        members = [n for n in archive.namelist() if n.startswith("odoo/addons/")]
        for member in members:
            target = addons_dir / member[len("odoo/addons/") :]
            if member.endswith("/"):
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(member))
    names = {Path(m).parts[2] for m in members if len(Path(m).parts) > 3}
    if len(names) != 1:
        raise RuntimeError(f"{wheel.name}: expected one addon, found {sorted(names)}")
    deps = []
    for requirement in metadata.get_all("Requires-Dist") or []:
        match = REQUIREMENT.match(requirement)
        if match:
            deps.append(match.group(1).replace("-", "_"))
    return names.pop(), metadata["Version"], deps


def fetch(scratch, addons=OCA_ADDONS):
    """Fetch ``addons`` and their addon dependencies into ``scratch/peer-addons``.

    :return: (addons folder, {addon: wheel version})
    """
    wheels_dir = Path(scratch) / "wheels"
    addons_dir = Path(scratch) / "peer-addons"
    wheels_dir.mkdir(parents=True, exist_ok=True)
    addons_dir.mkdir(parents=True, exist_ok=True)
    versions = {}
    todo = list(addons)
    while todo:
        name = todo.pop(0)
        if name in versions:
            continue
        addon, version, deps = _unpack(_download(name, wheels_dir), addons_dir)
        versions[addon] = version
        todo.extend(d for d in deps if d not in versions)
    return addons_dir, versions
