"""Echo agent: a minimal agent for Amazon Bedrock AgentCore Runtime using only the Python standard library.

It honours the runtime's HTTP contract on port 8080 (or $PORT):
  GET  /ping          -> {"status": "Healthy", "time_of_last_update": <unix seconds>}
  POST /invocations   -> {"result": "Echo: <prompt>"} for a JSON payload such as {"prompt": "Hello"}
Ask for a stream with {"prompt": "...", "stream": true} (or an Accept header of only text/event-stream) and the
reply is text/event-stream, one JSON-encoded word per "data:" event, as the AgentCore SDK streams.
"""
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SESSION_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id"
STARTED = int(time.time())


def answer(payload):
    """The agent's logic: echo the prompt back."""
    prompt = payload.get("prompt", "") if isinstance(payload, dict) else ""
    return "Echo: " + str(prompt)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path.split("?")[0] == "/ping":
            self._send_json(200, {"status": "Healthy", "time_of_last_update": STARTED})
        else:
            self._send_json(404, {"error": "Not found: " + self.path})

    def do_POST(self):
        if self.path.split("?")[0] != "/invocations":
            self._send_json(404, {"error": "Not found: " + self.path})
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        try:
            payload = json.loads(body.decode("utf-8")) if body else {}
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            self._send_json(400, {"error": "The payload is not valid JSON: " + str(e)})
            return
        text = answer(payload)
        accept = (self.headers.get("Accept") or "").strip()
        wants_stream = (isinstance(payload, dict) and payload.get("stream") is True) or accept == "text/event-stream"
        if wants_stream:
            self._send_stream(text.split(" "))
        else:
            self._send_json(200, {"result": text})

    def _send_json(self, status, obj):
        data = json.dumps(obj).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self._echo_session()
        self.end_headers()
        self.wfile.write(data)

    def _send_stream(self, words):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self._echo_session()
        self.end_headers()
        for i, word in enumerate(words):
            chunk = word if i == len(words) - 1 else word + " "
            self.wfile.write(("data: " + json.dumps(chunk) + "\n\n").encode("utf-8"))
            self.wfile.flush()
        self.close_connection = True

    def _echo_session(self):
        session = self.headers.get(SESSION_HEADER)
        if session:
            self.send_header(SESSION_HEADER, session)

    def log_message(self, fmt, *args):
        sys.stderr.write("%s %s\n" % (self.address_string(), fmt % args))
        sys.stderr.flush()


def main():
    port = int(os.environ.get("PORT", "8080"))
    server = ThreadingHTTPServer(("0.0.0.0", port), Handler)
    server.daemon_threads = True
    print("echo agent listening on port %d" % port, file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
