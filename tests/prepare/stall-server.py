# stall-server.py — an HTTP server that sends headers and a few bytes, then
# stalls: what the low-speed timeout of libvirt-tck-prepare must catch.
import socket
import sys

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", int(sys.argv[1])))
srv.listen(8)
conns = []
while True:
    c, _ = srv.accept()
    c.recv(65536)
    c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n" + b"x" * 1000)
    conns.append(c)  # keep it open, send nothing more
