// Echo server for benchmarks/echo.sh. Usage: node node_echo.js PORT (127.0.0.1:PORT until killed).
const net = require('net');
const port = Number(process.argv[2]);
net.createServer((socket) => {
  socket.setNoDelay(true);
  socket.on('data', (data) => socket.write(data));
  socket.on('error', () => socket.destroy());
}).listen(port, '127.0.0.1', () => console.log('listening', port));
