// Client errors Node's HTTP parser answers below the router (a URL past 16 KiB, a malformed request or
// header line, a chunked body it will not read): problems too, written on the raw socket, over a real
// loopback connection, with the headers every answer has, and the connection closed after them.
import net from 'node:net'
import { Writable } from 'node:stream'
import type { ConnectionError, FastifyInstance } from 'fastify'
import t, { type Test } from 'tap'
import type { AppOptions } from '../../../src/app.js'
import { clientErrors } from '../../../src/http/plugins/problems.js'
import { API_KEY, testApp } from '../../helpers.js'

interface RawAnswer {
  status: number
  headers: Record<string, string>
  head: string
  body: string
  /** The server closed the connection (rather than the test giving up on it). */
  closed: boolean
}

/** An app listening on a loopback port of its own, closed when the test ends. */
async function listening (t: Test, options: Omit<AppOptions, 'database' | 'seedDirectory'> = {}) {
  const app = await testApp(t, options)
  await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, port: (app.server.address() as net.AddressInfo).port }
}

/** Writes bytes as they are on a fresh connection; resolves with what came back once the server closes it. */
function exchange (port: number, bytes: string, giveUpMs = 5000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    let closed = false
    const timer = setTimeout(() => socket.destroy(), giveUpMs)
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('end', () => { closed = true })
    socket.on('error', () => { closed = true })
    socket.on('close', () => {
      clearTimeout(timer)
      const raw = Buffer.concat(chunks).toString('latin1')
      const split = raw.indexOf('\r\n\r\n')
      const head = split < 0 ? raw : raw.slice(0, split)
      const [statusLine = '', ...lines] = head.split('\r\n')
      const headers = Object.fromEntries(lines.map((line) => {
        const colon = line.indexOf(':')
        return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]
      }))
      resolve({ status: Number(statusLine.split(' ')[1]), headers, head, body: split < 0 ? '' : raw.slice(split + 4), closed })
    })
    socket.write(bytes, 'latin1')
  })
}

/** The answer is a problem with this status (and instance, where Fastify routed it), framed right, with the API's headers, and the connection closed. */
function isProblem (t: Test, answer: RawAnswer, status: number, name: string, instance?: string) {
  t.equal(answer.status, status, `${name}: ${status}`)
  t.match(answer.headers['content-type'], /^application\/problem\+json/, `${name}: problem+json`)
  t.equal(Number(answer.headers['content-length']), Buffer.byteLength(answer.body, 'latin1'), `${name}: Content-Length is the body's`)
  let body: Record<string, unknown> = {}
  try { body = JSON.parse(answer.body) as Record<string, unknown> } catch { t.fail(`${name}: the body is not JSON: ${JSON.stringify(answer.body)}`) }
  t.match(body, { type: 'about:blank', title: String, status, detail: String }, `${name}: a problem document`)
  if (instance === undefined) t.same(Object.keys(body).sort(), ['detail', 'status', 'title', 'type'], `${name}: no other member (no instance: the URL may be what was wrong)`)
  else t.same(body, { type: 'about:blank', title: body.title, status, detail: body.detail, instance }, `${name}: the instance too, as routed problems have`)
  t.equal(answer.headers['x-content-type-options'], 'nosniff', `${name}: nosniff`)
  t.match(answer.headers['content-security-policy'], /default-src 'self'/, `${name}: the CSP`)
  t.equal(answer.headers['cache-control'], 'no-store', `${name}: not stored`)
  t.match(answer.headers['x-request-id'], /^[\w-]{36}$/, `${name}: a request id to quote`)
  t.equal(answer.headers.connection, 'close', `${name}: Connection: close`)
  t.ok(answer.closed, `${name}: the server closed the connection`)
  return body
}

const LONG = 'a'.repeat(20_000)

/** Hostile requests the parser refuses: the status each answers, and a piece of it the answer must not echo. */
const REFUSED: { name: string, bytes: string, status: number, detail: RegExp, echo: string }[] = [
  { name: 'a 20 KB URL', bytes: `GET /articles?q=${LONG} HTTP/1.1\r\nHost: x\r\n\r\n`, status: 431, detail: /URL are larger than the server accepts \(16 KiB\)/, echo: 'aaaaaaaa' },
  { name: 'a 20 KB header', bytes: `GET /articles HTTP/1.1\r\nHost: x\r\nX-Big: ${LONG}\r\n\r\n`, status: 431, detail: /headers/, echo: 'aaaaaaaa' },
  { name: 'a request line that is not one', bytes: 'GARBAGE\r\n\r\n', status: 400, detail: /method/, echo: 'GARBAGE' },
  { name: 'a header line without a colon', bytes: 'GET / HTTP/1.1\r\nBad Header\r\n\r\n', status: 400, detail: /header line is malformed/, echo: 'Bad Header' },
  { name: 'a NUL in the URL', bytes: 'GET /a\0b HTTP/1.1\r\nHost: x\r\n\r\n', status: 400, detail: /request target/, echo: 'a\0b' },
  { name: 'an unknown HTTP version', bytes: 'GET / HTTP/9.9\r\nHost: x\r\n\r\n', status: 400, detail: /version/, echo: '9.9' },
  { name: 'Content-Length and Transfer-Encoding', bytes: 'POST /articles HTTP/1.1\r\nHost: evil.example\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', status: 400, detail: /Transfer-Encoding/, echo: 'evil.example' },
  { name: 'two Content-Lengths', bytes: 'POST /articles HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxx', status: 400, detail: /more than one Content-Length/, echo: 'xx' },
  { name: 'HTTP/2 with prior knowledge', bytes: 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', status: 400, detail: /HTTP\/1\.1 only/, echo: 'PRI' },
  {
    name: 'a 20 KB chunk extension',
    bytes: `POST /articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${API_KEY}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1;${LONG}\r\n{\r\n0\r\n\r\n`,
    status: 413,
    detail: /chunk extensions/,
    echo: 'aaaaaaaa'
  }
]

t.test('what the HTTP parser refuses answers as a problem on the raw socket, then the connection closes', async (t) => {
  const { port } = await listening(t, { apiKeys: [API_KEY] })
  for (const { name, bytes, status, detail, echo } of REFUSED) {
    const answer = await exchange(port, bytes)
    const body = isProblem(t, answer, status, name)
    t.match(body.detail, detail, `${name}: the detail says what was wrong`)
    t.notOk(answer.head.includes(echo) || answer.body.includes(echo), `${name}: nothing sent is echoed`)
    t.notMatch(answer.body, /HPE_|Parse Error|node:|at .*\.[jt]s/, `${name}: no internals`)
  }
})

t.test('what Node answers itself without a body is a problem too: no Host, an Expect it cannot meet, CONNECT', async (t) => {
  const { port } = await listening(t)
  const noHost = await exchange(port, 'GET /articles HTTP/1.1\r\nConnection: close\r\n\r\n')
  t.match(isProblem(t, noHost, 400, 'HTTP/1.1 without Host', '/articles'), { detail: /must have a Host header/ })
  const old = await exchange(port, 'GET /health HTTP/1.0\r\n\r\n')
  t.equal(old.status, 200, 'HTTP/1.0 needs no Host')
  const expect = await exchange(port, 'GET /articles HTTP/1.1\r\nHost: x\r\nExpect: the-moon\r\n\r\n')
  t.match(isProblem(t, expect, 417, 'Expect: the-moon'), { detail: /100-continue/ })
  t.notOk(expect.body.includes('the-moon'), 'the expectation is not echoed')
  const proceed = await exchange(port, 'GET /health HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n')
  t.match(proceed.head, /^HTTP\/1\.1 100 Continue/, 'Expect: 100-continue still works')
  const connect = await exchange(port, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n')
  t.match(isProblem(t, connect, 501, 'CONNECT'), { detail: /not a proxy/ })
  t.notOk(connect.body.includes('example.com'), 'the target is not echoed')
})

t.test('a request whose headers do not arrive in time answers 408', async (t) => {
  const { port } = await listening(t, { serverTimeouts: { headersTimeout: 300, connectionsCheckingInterval: 50 } })
  const started = Date.now()
  const answer = await exchange(port, 'GET /articles HTTP/1.1\r\nHost: x\r\n')
  const body = isProblem(t, answer, 408, 'headers never finished')
  t.match(body.detail, /not received in time/)
  t.ok(Date.now() - started < 3000, `answered after ${Date.now() - started} ms`)
})

t.test('client errors are logged at debug, by code and request id, never with the bytes sent', async (t) => {
  const lines: string[] = []
  const stream = new Writable({ write (chunk: Buffer, _encoding, done) { lines.push(...chunk.toString().split('\n').filter(Boolean)); done() } })
  const { port } = await listening(t, { logger: { level: 'debug', stream } })
  const answer = await exchange(port, 'GET / HTTP/1.1\r\nAuthorization: Bearer sekrit-0123456789\r\nBad Header\r\n\r\n')
  isProblem(t, answer, 400, 'a bad header line after a bearer key')
  const logged = lines.map((line) => JSON.parse(line) as { level: number, msg: string, code?: string, requestId?: string })
  const entry = logged.find((line) => line.msg === 'client error')
  t.match(entry, { level: 20, code: 'HPE_INVALID_HEADER_TOKEN', requestId: answer.headers['x-request-id'] }, 'one debug line, with the id the client saw')
  t.notOk(lines.some((line) => line.includes('sekrit')), 'the bearer key sent is not logged')
  t.notOk(logged.some((line) => line.level >= 40), 'nothing at warn or above')
})

t.test('the handler writes nothing on a reset, a destroyed or unwritable socket, or into an answer under way', async (t) => {
  const app = await testApp(t)
  const error = (code: string) => Object.assign(new Error('Parse Error'), { code, bytesParsed: 0, rawPacket: { type: 'Buffer', data: [] } }) as ConnectionError
  const socketLike = (state: { destroyed?: boolean, writable?: boolean, _httpMessage?: { headersSent: boolean } }) => {
    const calls = { written: [] as string[], destroyed: 0 }
    const socket = {
      destroyed: false,
      writable: true,
      ...state,
      write: (bytes: string) => { calls.written.push(bytes); return true },
      destroy: () => { calls.destroyed++ }
    }
    return { socket: socket as unknown as net.Socket, calls }
  }
  const handle = (code: string, socket: net.Socket) => clientErrors.call(app as unknown as FastifyInstance, error(code), socket)

  const reset = socketLike({})
  handle('ECONNRESET', reset.socket)
  t.same(reset.calls, { written: [], destroyed: 0 }, 'ECONNRESET: the connection is gone, nothing to do (as Fastify\'s default)')
  const destroyed = socketLike({ destroyed: true })
  handle('HPE_INVALID_METHOD', destroyed.socket)
  t.same(destroyed.calls, { written: [], destroyed: 0 }, 'a destroyed socket: nothing to do')
  const unwritable = socketLike({ writable: false })
  handle('HPE_INVALID_METHOD', unwritable.socket)
  t.same(unwritable.calls, { written: [], destroyed: 1 }, 'an unwritable socket: closed, nothing written')
  const underWay = socketLike({ _httpMessage: { headersSent: true } })
  handle('HPE_INVALID_CHUNK_SIZE', underWay.socket)
  t.same(underWay.calls, { written: [], destroyed: 1 }, 'an answer already under way on the socket: closed, not corrupted')
  const fresh = socketLike({ _httpMessage: { headersSent: false } })
  handle('HPE_INVALID_CHUNK_SIZE', fresh.socket)
  t.equal(fresh.calls.written.length, 1, 'a request whose answer has not started: the problem is written')
  t.match(fresh.calls.written[0], /^HTTP\/1\.1 400 Bad Request\r\n[\s\S]*"detail":"A chunk of the chunked body has a malformed size line"/)
  t.equal(fresh.calls.destroyed, 1)
  const ours = socketLike({})
  handle('HPE_JS_EXCEPTION', ours.socket)
  t.match(ours.calls.written[0], /^HTTP\/1\.1 500 Internal Server Error\r\n[\s\S]*It has been logged/, 'the server\'s own failure in the parser is a 500, not blamed on the client')
})

t.test('the answers above the parser are problems too, over a real socket', async (t) => {
  const { port } = await listening(t, { apiKeys: [API_KEY], maxArticleBytes: 1024 })
  const auth = `Authorization: Bearer ${API_KEY}\r\n`
  const cases: [string, string, number][] = [
    ['an unknown route', 'GET /no/such/route HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 404],
    ['a method a path does not take (no 405: the router answers 404)', 'DELETE /articles HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 404],
    ['a body past the limit', `POST /articles HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 4096\r\nConnection: close\r\n\r\n${'{'.repeat(4096)}`, 413],
    ['a media type the route does not take', `POST /articles HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: image/png\r\nContent-Length: 2\r\nConnection: close\r\n\r\nxx`, 415]
  ]
  for (const [name, bytes, status] of cases) {
    const answer = await exchange(port, bytes)
    t.equal(answer.status, status, `${name}: ${status}`)
    t.match(answer.headers['content-type'], /^application\/problem\+json/, `${name}: problem+json`)
    t.match(JSON.parse(answer.body), { type: 'about:blank', status }, `${name}: a problem document`)
  }
})
