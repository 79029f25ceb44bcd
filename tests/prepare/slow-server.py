# slow-server.py — serves the files of a directory over HTTP at a capped
# rate, with Range support: a transfer that lasts long enough for a test
# to kill the server, or the client, in the middle of it.
# usage: slow-server.py PORT DIR BYTES_PER_SECOND
import http.server
import os
import sys
import time

PORT, ROOT, RATE = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        path = os.path.join(ROOT, self.path.lstrip("/"))
        if not os.path.isfile(path):
            self.send_error(404)
            return
        size = os.path.getsize(path)
        start = 0
        rng = self.headers.get("Range")
        if rng and rng.startswith("bytes="):
            start = int(rng[len("bytes="):].split("-")[0])
            self.send_response(206)
            self.send_header("Content-Range", "bytes %d-%d/%d" % (start, size - 1, size))
        else:
            self.send_response(200)
        self.send_header("Content-Length", str(size - start))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        with open(path, "rb") as f:
            f.seek(start)
            while True:
                chunk = f.read(max(RATE // 20, 1))
                if not chunk:
                    break
                self.wfile.write(chunk)
                self.wfile.flush()
                time.sleep(0.05)

    def log_message(self, *args):
        pass


http.server.HTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
