"""A tiny HTTP server on loopback for the BigQuery client's tests (Python's standard library only).

Usage: fake_http.py DIR [--status N] [--body TEXT] [--silent]

Listens on 127.0.0.1 on a free port and prints "PORT <n>" on stdout once it accepts connections.
Every request is recorded as DIR/<n>.json (method, path, headers, body as text) and answered with
status N (200) and body TEXT (a token response). --silent accepts connections and never answers
(for the timeout test). The server stops when its standard input closes, or after 300 seconds.
"""

import argparse
import http.server
import json
import os
import socket
import sys
import threading
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--status", type=int, default=200)
    parser.add_argument("--body", default='{"access_token": "ya29.fake-token", "expires_in": 3599, "token_type": "Bearer"}')
    parser.add_argument("--silent", action="store_true")
    options = parser.parse_args()
    count = [0]

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.answer()

        def do_GET(self):
            self.answer()

        def answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", "replace")
            count[0] += 1
            record = {"method": self.command, "path": self.path, "headers": dict(self.headers.items()), "body": body}
            with open(os.path.join(options.folder, f"{count[0]}.json"), "w") as file:
                json.dump(record, file)
            payload = options.body.encode()
            self.send_response(options.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *arguments):
            pass

    if options.silent:
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        port = listener.getsockname()[1]
        held = []
        threading.Thread(target=lambda: [held.append(listener.accept()) for _ in iter(int, 1)], daemon=True).start()
    else:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        port = server.server_address[1]
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"PORT {port}", flush=True)
    threading.Thread(target=lambda: (time.sleep(300), os._exit(0)), daemon=True).start()
    sys.stdin.read()


if __name__ == "__main__":
    main()
