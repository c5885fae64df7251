"""Echo server for benchmarks/echo.sh: asyncio's protocol layer, on uvloop with --uvloop.

Usage: python3 asyncio_echo.py [--uvloop] PORT   (listens on 127.0.0.1:PORT until killed)
"""
import asyncio
import sys


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        transport.get_extra_info('socket').setsockopt(6, 1, 1)  # TCP_NODELAY, as uvloop's benchmark
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data)


async def main(port):
    server = await asyncio.get_running_loop().create_server(Echo, '127.0.0.1', port)
    print('listening', port, flush=True)
    await server.serve_forever()


if __name__ == '__main__':
    if sys.argv[1] == '--uvloop':
        import uvloop
        uvloop.install()
        sys.argv.pop(1)
    asyncio.run(main(int(sys.argv[1])))
