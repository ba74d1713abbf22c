"""A real SMTP server on loopback for the send tests (aiosmtpd).

Usage: smtp_server.py DIR [--tls starttls|implicit|none] [--user U --password P]
                          [--refuse ADDR ...] [--drop-at rcpt|data] [--silent]

Listens on 127.0.0.1 on a free port and prints "PORT <n>" on stdout once it accepts
connections. With --tls starttls or implicit it first writes a self-signed certificate for
127.0.0.1/localhost to DIR/cert.pem (made with `openssl req`). Each accepted message is
recorded as DIR/<n>.json (mail_from, rcpt_tos) and DIR/<n>.eml (the DATA bytes as received,
dot-stuffing undone, CRLF kept). --refuse answers RCPT TO for ADDR with 550; --drop-at closes
the connection instead of answering that command; --silent accepts connections and never
greets. The server stops when its standard input closes, or after 300 seconds at most.
"""

import argparse
import warnings
import asyncio
import json
import os
import ssl
import subprocess
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

warnings.simplefilter("ignore", DeprecationWarning)


def make_certificate(folder):
    cert = os.path.join(folder, "cert.pem")
    key = os.path.join(folder, "key.pem")
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout", key, "-out", cert,
        ],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


class Recorder:
    def __init__(self, folder, refused, drop_at):
        self.folder = folder
        self.refused = {address.lower() for address in refused}
        self.drop_at = drop_at
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.drop_at == "rcpt":
            server.transport.abort()
            return "421 dropped"
        if address.lower() in self.refused:
            return f"550 5.1.1 <{address}>: Recipient address rejected: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.drop_at == "data":
            server.transport.abort()
            return "421 dropped"
        self.count += 1
        stem = os.path.join(self.folder, str(self.count))
        with open(stem + ".eml.tmp", "wb") as file:
            file.write(envelope.original_content)
        with open(stem + ".json.tmp", "w") as file:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}, file)
        os.rename(stem + ".eml.tmp", stem + ".eml")
        os.rename(stem + ".json.tmp", stem + ".json")
        return "250 2.0.0 OK: queued"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--tls", choices=["starttls", "implicit", "none"], default="starttls")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--refuse", action="append", default=[])
    parser.add_argument("--drop-at", choices=["rcpt", "data"])
    parser.add_argument("--silent", action="store_true")
    options = parser.parse_args()

    context = make_certificate(options.dir) if options.tls != "none" else None
    recorder = Recorder(options.dir, options.refuse, options.drop_at)

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == (options.user or "").encode()
              and auth_data.password == (options.password or "").encode())
        return AuthResult(success=ok, handled=False)

    def factory():
        if options.silent:
            return asyncio.Protocol()
        return SMTP(
            recorder,
            hostname="insights-test",
            tls_context=context if options.tls == "starttls" else None,
            auth_required=options.user is not None,
            # Over implicit TLS, and in the clear-text mode, AUTH is allowed without STARTTLS.
            auth_require_tls=options.tls == "starttls",
            authenticator=authenticate if options.user is not None else None)

    async def serve():
        loop = asyncio.get_running_loop()
        server = await loop.create_server(
            factory, host="127.0.0.1", port=0, ssl=context if options.tls == "implicit" else None)
        port = server.sockets[0].getsockname()[1]
        print(f"PORT {port}", flush=True)
        stdin_closed = loop.run_in_executor(None, sys.stdin.buffer.read)
        await asyncio.wait([stdin_closed], timeout=300)
        server.close()

    asyncio.run(serve())
    os._exit(0)


if __name__ == "__main__":
    main()
