"""A loopback stand-in for Cloudflare's edge, for docs/examples/generate (never a real address).

  python3 edge.py late522 SECONDS   answers every request with Cloudflare's real 522 page after SECONDS
                                    (Cloudflare holds a request ~19 s before its 522)
  python3 edge.py short-body        sends a 200 whose body is 10 of the 100 bytes its content-length promised

Binds 127.0.0.1 on a free port, prints the port on the first line of stdout, serves until killed.
"""
import os
import socketserver
import sys
import time

PAGE = os.path.join(os.path.dirname(__file__), '..', '..', 'probes', 'src', 'test', 'resources', 'pages',
                    '522-supabase-nhl-cronlog.html')
HEADERS = b'server: cloudflare\r\ncf-ray: a23c92d51bc8a952-DTW\r\nconnection: close\r\n'


class Edge(socketserver.StreamRequestHandler):
    timeout = 30  # a stuck client never holds a thread for long

    def handle(self):
        for _ in range(100):  # read the request head, bounded
            if self.rfile.readline(8192) in (b'\r\n', b'\n', b''):
                break
        if MODE == 'late522':
            time.sleep(DELAY)
            with open(PAGE, 'rb') as f:
                page = f.read()
            self.wfile.write(b'HTTP/1.1 522 \r\n' + HEADERS + b'content-type: text/html\r\ncontent-length: '
                             + str(len(page)).encode() + b'\r\n\r\n' + page)
        else:
            self.wfile.write(b'HTTP/1.1 200 OK\r\n' + HEADERS + b'content-length: 100\r\n\r\n0123456789')


MODE = sys.argv[1]
DELAY = float(sys.argv[2]) if MODE == 'late522' else 0.0
socketserver.ThreadingTCPServer.daemon_threads = True
with socketserver.ThreadingTCPServer(('127.0.0.1', 0), Edge) as server:
    print(server.server_address[1], flush=True)
    server.serve_forever()
