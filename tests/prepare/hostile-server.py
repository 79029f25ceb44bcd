# hostile-server.py — an HTTP server that misbehaves on purpose, for the
# hardening tests of libvirt-tck-prepare's downloads.
# usage: hostile-server.py PORT MODE
#   304      answers every GET "304 Not Modified", conditional or not
#   endless  a 200 without Content-Length whose body never ends
#   trickle  a 200 whose body comes at 2000 bytes/s, forever
import http.server
import sys
import time

PORT, MODE = int(sys.argv[1]), sys.argv[2]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def do_GET(self):
        if MODE == "304":
            self.send_response(304)
            self.send_header("ETag", '"hostile"')
            self.end_headers()
            return
        self.send_response(200)
        self.end_headers()
        block = b"x" * (65536 if MODE == "endless" else 100)
        try:
            while True:
                self.wfile.write(block)
                if MODE == "trickle":
                    self.wfile.flush()
                    time.sleep(0.05)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
