"""A real SMTP server for crates/touchpoint/tests/announce.rs: aiosmtpd on 127.0.0.1 requiring
STARTTLS and AUTH (user "list", password "s3cret-p4ss"). Each message received is written to
OUT_DIR as JSON: envelope, headers, whether TLS and AUTH were used, and each MIME part; the
text/calendar part is also read by the icalendar package (a reader apart from ours).

usage: smtp_server.py OUT_DIR CERT KEY PORT   (prints "ready", stops when stdin closes)
"""

import email
import json
import os
import ssl
import sys
from email import policy

import icalendar
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

out_dir, cert, key, port = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


class Handler:
    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=policy.default)
        parts = []
        for part in msg.walk():
            if part.is_multipart():
                continue
            body = part.get_content()
            if isinstance(body, bytes):
                body = body.decode()
            entry = {
                "type": part.get_content_type(),
                "params": {k: v for k, v in (part.get_params() or [])[1:]},
                "filename": part.get_filename(),
                "body": body,
            }
            if part.get_content_type() == "text/calendar":
                cal = icalendar.Calendar.from_ical(body)
                event = list(cal.walk("VEVENT"))[0]
                entry["ical"] = {
                    "method": str(cal.get("METHOD")),
                    "uid": str(event.get("UID")),
                    "summary": str(event.get("SUMMARY")),
                    "start": event.decoded("DTSTART").isoformat(),
                    "status": str(event.get("STATUS")),
                }
            parts.append(entry)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "from": str(msg["From"]),
            "to": str(msg["To"]),
            "subject": str(msg["Subject"]),
            "message_id": str(msg["Message-ID"]),
            "tls": bool(session.ssl),
            "authenticated": bool(session.authenticated),
            "parts": parts,
        }
        name = os.path.join(out_dir, "%03d.json" % len(os.listdir(out_dir)))
        with open(name + ".tmp", "w") as f:
            json.dump(record, f)
        os.rename(name + ".tmp", name)
        return "250 OK"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == b"list"
        and auth_data.password == b"s3cret-p4ss"
    )
    # handled=False: aiosmtpd answers 535 itself on failure (True would leave the client waiting).
    return AuthResult(success=ok, handled=False)


context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)
controller = Controller(
    Handler(),
    hostname="127.0.0.1",
    port=port,
    tls_context=context,
    require_starttls=True,
    authenticator=authenticator,
    auth_required=True,
)
controller.start()
print("ready", flush=True)
sys.stdin.read()
controller.stop()
