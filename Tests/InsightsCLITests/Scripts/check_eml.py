"""Parses report.eml with Python's email package and checks it against email.html and index.html.

Usage: check_eml.py [--from=EXPECTED_FROM] REPORT_DIR EXPECTED_SUBJECT EXPECTED_TO HEADLINE...
Exits 1 with a message on the first failure.
"""
import email
import email.parser
import email.policy
import pathlib
import sys


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


options = [arg for arg in sys.argv[1:] if arg.startswith("--from=")]
arguments = [arg for arg in sys.argv[1:] if not arg.startswith("--from=")]
expected_from = options[0][len("--from="):] if options else None
folder = pathlib.Path(arguments[0])
subject, to, headlines = arguments[1], arguments[2], arguments[3:]
raw = (folder / "report.eml").read_bytes()

lines = raw.split(b"\r\n")
if lines[-1] != b"":
    fail("the message does not end with CRLF")
if b"\n" in raw.replace(b"\r\n", b""):
    fail("a bare LF line end")
if max(len(line) for line in lines) > 998:
    fail("a line longer than 998 characters")
if any(byte > 127 for byte in raw):
    fail("non-ASCII bytes in the raw message")
header_lines = raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
for line in header_lines:
    if len(line) > 78:
        fail("a header line longer than 78 characters: %r" % line)
names = [line.split(b":", 1)[0].lower() for line in header_lines if not line[:1].isspace()]
if len(names) != len(set(names)):
    fail("a header appears twice: %r" % names)
if b"bcc" in names:
    fail("a Bcc header")

message = email.parser.BytesParser(policy=email.policy.default).parsebytes(raw)
if message.defects:
    fail("defects: %r" % message.defects)
if str(message["Subject"]) != subject:
    fail("subject %r != %r" % (str(message["Subject"]), subject))
if str(message["To"]) != to:
    fail("to %r != %r" % (str(message["To"]), to))
if expected_from is not None and str(message["From"]) != expected_from:
    fail("from %r != %r" % (str(message["From"]), expected_from))
for header in ("From", "Date", "Message-ID", "MIME-Version"):
    if message[header] is None:
        fail("missing header " + header)
if message.get_content_type() != "multipart/mixed":
    fail("top level is " + message.get_content_type())

parts = list(message.iter_parts())
if [part.get_content_type() for part in parts] != ["multipart/alternative", "text/html"]:
    fail("mixed parts are %r" % [part.get_content_type() for part in parts])
alternative, attachment = parts
inner = list(alternative.iter_parts())
if [part.get_content_type() for part in inner] != ["text/plain", "text/html"]:
    fail("alternative parts are %r" % [part.get_content_type() for part in inner])

plain, html = inner[0].get_content(), inner[1].get_content()
if html != (folder / "email.html").read_text(encoding="utf-8"):
    fail("the HTML part differs from email.html")
if attachment.get_content_disposition() != "attachment" or attachment.get_filename() != "index.html":
    fail("the attachment is not index.html")
if attachment.get_content() != (folder / "index.html").read_text(encoding="utf-8"):
    fail("the attachment differs from index.html")
for headline in headlines:
    if headline not in plain:
        fail("the plain text lacks %r" % headline)
for forbidden in ("<svg", "<details", "<style", "http:", "https:", "src="):
    if forbidden in html:
        fail("the HTML part contains %r" % forbidden)
print("OK: %d bytes, %d parts" % (len(raw), 3))
