/** Runs a Tejido server as its own process on a loopback port, for tests that kill or restart it. */
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..', '..')

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

export interface ServerProcess {
  child: ChildProcess
  url: string
  output: () => string
  exited: Promise<number | null>
}

/**
 * Starts `tejido serve` (node --import tsx, one process, so a signal hits the server itself).
 * `wrap` runs it through a launcher instead (e.g. `unshare --pid --fork`), which then execs node.
 */
export function startServer(env: Record<string, string>, port: number, wrap: string[] = []): ServerProcess {
  let out = ''
  // TEST_NODE_ARGS (here or in the environment) adds node flags (e.g. --cpu-prof) that NODE_OPTIONS refuses.
  const { TEST_NODE_ARGS: extra = process.env.TEST_NODE_ARGS ?? '', ...rest } = env
  env = rest
  const node = [process.execPath, ...extra.split(' ').filter(Boolean), '--import', 'tsx', path.join(ROOT, 'src/cli/index.ts'), 'serve']
  const [command = process.execPath, ...args] = [...wrap, ...node]
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, url: `http://127.0.0.1:${port}`, output: () => out, exited }
}

/** Polls until the server answers /readyz, or fails with its output if it exits or takes too long. */
export async function waitReady(server: ServerProcess, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let exited = false
  void server.exited.then(() => (exited = true))
  while (Date.now() < deadline) {
    if (exited) throw new Error(`server exited before it was ready:\n${server.output()}`)
    try {
      const res = await fetch(`${server.url}/readyz`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${server.output()}`)
}

/** Stops a server process if it still runs, and waits until it has exited. */
export async function stopServer(server: ServerProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return
  server.child.kill(signal)
  await server.exited
}
