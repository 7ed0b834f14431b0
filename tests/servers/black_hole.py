"""
A TCP server on 127.0.0.1 that accepts every connection and never sends a byte: a service that
is black-holed (a firewall dropping answers, a hung gateway).
"""

from __future__ import annotations

import socket
import threading


class BlackHole:
    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0), backlog=1024)
        self.port: int = self.server.getsockname()[1]
        self.connections = 0
        self._held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            self.connections += 1
            self._held.append(connection)

    def close(self) -> None:
        self.server.close()
        for connection in self._held:
            connection.close()
