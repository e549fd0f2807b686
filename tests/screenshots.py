#!/usr/bin/env python3
# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Regenerate the README's screenshots from the running demo, in Chinese, as each demo user.

    make demo                                   # in another terminal: serves credit_demo on :8069
    .venv/bin/python tests/screenshots.py       # writes <module>/static/description/journey_*.png

Each picture is taken by headless Chromium (Debian's ``chromium``) logged in as the user of the
journey (password = login), driven over the DevTools protocol (``websocket-client``, which the
tours need too). The record shown is looked up over JSON-RPC as that user, so a picture shows
what the user meets, rights included. ``--url`` points at another server.
"""

import argparse
import base64
import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import websocket

ROOT = Path(__file__).resolve().parent.parent

# (file, login, action xml id, domain of the record to open or None for the list, wait selector)
SHOTS = [
    (
        "credit_management/static/description/journey_1_held_quotation.png",
        "salesman",
        "sale.action_quotations_with_onboarding",
        ("sale.order", [("credit_hold", "=", True), ("state", "in", ["draft", "sent"])]),
        ".o_form_view .alert-danger",
    ),
    (
        "credit_management/static/description/journey_2_hold_queue.png",
        "credit_manager",
        "credit_management.sale_order_action",
        None,
        ".o_list_view .o_data_row",
    ),
    (
        "credit_management/static/description/journey_3_credit_application.png",
        "credit_user",
        "credit_management.credit_application_action",
        ("credit.application", []),
        ".o_form_view",
    ),
    (
        "credit_management_collections/static/description/journey_4_followup_run.png",
        "accountant",
        "credit_management_collections.credit_followup_run_action",
        ("credit.followup.run", []),
        ".o_form_view",
    ),
    (
        "credit_management_hr_appraisal/static/description/journey_5_appraisal.png",
        "hr_officer",
        "credit_management_hr_appraisal.credit_appraisal_action",
        ("credit.appraisal", []),
        ".o_form_view",
    ),
    (
        "credit_management_collections/static/description/credit_dashboard.png",
        "credit_manager",
        "spreadsheet_dashboard.ir_actions_dashboard_action",
        None,
        ".o-spreadsheet, .o_spreadsheet_dashboard_action",
    ),
]


class Session:
    """A JSON-RPC session of one demo user."""

    def __init__(self, url, db, login):
        self.url = url
        self.cookie = None
        result = self._call(
            "/web/session/authenticate", {"db": db, "login": login, "password": login}
        )
        if not result.get("uid"):
            raise SystemExit(f"cannot log in as {login}")

    def _call(self, path, params):
        request = urllib.request.Request(
            self.url + path,
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode(),
            headers={
                "Content-Type": "application/json",
                **({"Cookie": self.cookie} if self.cookie else {}),
            },
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            for header in response.headers.get_all("Set-Cookie") or []:
                if header.startswith("session_id="):
                    self.cookie = header.split(";")[0]
            body = json.load(response)
        if body.get("error"):
            raise SystemExit(f"{path}: {body['error']['data']['message']}")
        return body["result"]

    def search(self, model, domain):
        return self._call(
            "/web/dataset/call_kw",
            {"model": model, "method": "search", "args": [domain], "kwargs": {"limit": 1}},
        )


class Browser:
    """Headless Chromium driven over the DevTools protocol."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="credit-shots-")
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        self.process = subprocess.Popen(
            [
                chromium,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--lang=zh-CN",
                "--window-size=1366,768",
                f"--remote-debugging-port={port}",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _attempt in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list") as response:
                    page = next(t for t in json.load(response) if t["type"] == "page")
                break
            except (OSError, StopIteration):
                time.sleep(0.1)
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=120)
        self.ids = 0

    def send(self, method, **params):
        self.ids += 1
        self.ws.send(json.dumps({"id": self.ids, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.ids:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def shot(self, url, cookie, selector, path):
        name, value = cookie.split("=", 1)
        self.send("Network.enable")
        self.send("Network.clearBrowserCookies")
        self.send("Network.setCookie", name=name, value=value, url=url)
        self.send("Page.enable")
        self.send("Page.navigate", url=url)
        script = (
            f"!!document.querySelector({json.dumps(selector)})"
            " && !document.querySelector('.o_loading_indicator, .o_blockUI')"
        )
        for _attempt in range(300):
            if self.send("Runtime.evaluate", expression=script)["result"].get("value"):
                break
            time.sleep(0.2)
        else:
            print(f"  {selector} not found on {url}: screenshot anyway")
        time.sleep(1.5)  # fonts, the chatter and the last RPCs
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self):
        self.ws.close()
        self.process.terminate()
        self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="credit_demo")
    args = parser.parse_args()
    browser = Browser()
    try:
        for file, login, action, record, selector in SHOTS:
            session = Session(args.url, args.db, login)
            url = f"{args.url}/odoo/action-{action}"
            if record:
                ids = session.search(*record)
                if not ids:
                    print(f"{file}: no {record[0]} for {login}, skipped")
                    continue
                url += f"/{ids[0]}"
            browser.shot(url, session.cookie, selector, ROOT / file)
            print(f"{file}: {login} at {url}")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
