// The reference the bot's HTTP mode is measured against (compare-with-node.sh): a minimal Discord interactions
// endpoint with Node's own http and crypto. It verifies the Ed25519 signature over timestamp + body, answers PING,
// and returns one fixed type-4 answer to everything else. PUBLIC_KEY is the hex key; PORT where it listens.
const http = require('http'), crypto = require('crypto');
const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(process.env.PUBLIC_KEY, 'hex')]);
const key = crypto.createPublicKey({ key: spki, format: 'der', type: 'spki' });
const answer = JSON.stringify({ type: 4, data: { content: 'Terms of the Franco-British partial truce plan (P1)', allowed_mentions: { parse: [] } } });
http.createServer((req, res) => {
  const chunks = [];
  req.on('data', c => chunks.push(c)).on('end', () => {
    const body = Buffer.concat(chunks), ts = req.headers['x-signature-timestamp'] || '', sig = req.headers['x-signature-ed25519'] || '';
    let ok = false;
    try { ok = sig.length === 128 && crypto.verify(null, Buffer.concat([Buffer.from(ts), body]), key, Buffer.from(sig, 'hex')); } catch { }
    if (!ok) return res.writeHead(401).end('invalid request signature');
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.parse(body).type === 1 ? '{"type":1}' : answer);
  });
}).listen(Number(process.env.PORT || 8090), '127.0.0.1');
