"""A real Matrix homeserver for crates/touchpoint/tests/announce.rs: Synapse (SQLite) in WORKDIR
on a free port of 127.0.0.1, with a user made through the shared-secret registration and a room
made through the client API.

usage: matrix_server.py WORKDIR   (run with the Python that has matrix-synapse installed)

Prints one JSON line: {"homeserver", "token", "room", "seconds": {...}}. Then, for each line
"messages" on stdin, prints the room's m.room.message contents as one JSON line. Stops Synapse
when stdin closes.
"""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

workdir = sys.argv[1]
python = sys.executable
config = os.path.join(workdir, "homeserver.yaml")
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
base = "http://127.0.0.1:%d" % port
seconds = {}

started = time.monotonic()
subprocess.run(
    [python, "-m", "synapse.app.homeserver", "--server-name", "localhost",
     "--config-path", config, "--generate-config", "--report-stats=no"],
    cwd=workdir, check=True, capture_output=True,
)
seconds["generate_config"] = round(time.monotonic() - started, 1)

text = open(config).read()
text = text.replace("port: 8008", "port: %d" % port).replace("    - ::1\n", "")
text = re.sub(r"trusted_key_servers:\n(  - .*\n)+", "trusted_key_servers: []\n", text)
text += (
    "\nsuppress_key_server_warning: true\n"
    "rc_message: {per_second: 1000, burst_count: 1000}\n"
    "rc_login:\n  address: {per_second: 1000, burst_count: 1000}\n"
    "  account: {per_second: 1000, burst_count: 1000}\n"
)
open(config, "w").write(text)

started = time.monotonic()
log = open(os.path.join(workdir, "synapse.out"), "w")
server = subprocess.Popen(
    [python, "-m", "synapse.app.homeserver", "-c", config], cwd=workdir, stdout=log, stderr=log
)


def call(method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method)
    if body is not None:
        request.data = json.dumps(body).encode()
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)


while True:
    try:
        call("GET", "/_matrix/client/versions")
        break
    except Exception:
        if server.poll() is not None or time.monotonic() - started > 180:
            sys.exit("synapse did not start; see " + os.path.join(workdir, "synapse.out"))
        time.sleep(0.25)
seconds["start"] = round(time.monotonic() - started, 1)

started = time.monotonic()
subprocess.run(
    [os.path.join(os.path.dirname(python), "register_new_matrix_user"), "-u", "bot",
     "-p", "bot-password-123", "-a", "-c", config, base],
    check=True, capture_output=True,
)
token = call("POST", "/_matrix/client/v3/login", {
    "type": "m.login.password",
    "identifier": {"type": "m.id.user", "user": "bot"},
    "password": "bot-password-123",
})["access_token"]
room = call("POST", "/_matrix/client/v3/createRoom", {"name": "meetings"}, token)["room_id"]
seconds["user_and_room"] = round(time.monotonic() - started, 1)
print(json.dumps({"homeserver": base, "token": token, "room": room, "seconds": seconds}),
      flush=True)

for line in sys.stdin:
    if line.strip() == "messages":
        path = "/_matrix/client/v3/rooms/%s/messages?dir=f&limit=100" % urllib.parse.quote(room)
        events = call("GET", path, token=token)["chunk"]
        contents = [e["content"] for e in events if e["type"] == "m.room.message"]
        print(json.dumps(contents), flush=True)

server.terminate()
server.wait(timeout=30)
