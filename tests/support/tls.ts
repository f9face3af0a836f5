/**
 * A self-signed certificate for 127.0.0.1, made with the system's openssl
 * (a Debian base package), for tests whose instance must fetch over https
 * from a local server — the schema keeps only https logos. The instance is
 * told to trust it through the https module's global agent, as a process
 * started with NODE_EXTRA_CA_CERTS would; `trustOnly` returns the undo.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import https from 'node:https'
import os from 'node:os'
import path from 'node:path'

export interface Certificate { key: string; cert: string }

export function selfSignedLoopback(): Certificate {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-tls-'))
  try {
    const key = path.join(dir, 'key.pem')
    const cert = path.join(dir, 'cert.pem')
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' })
    return { key: fs.readFileSync(key, 'utf8'), cert: fs.readFileSync(cert, 'utf8') }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Makes this process's https requests trust `cert` (and only it) until the returned function is called. */
export function trustOnly(cert: string): () => void {
  const options = https.globalAgent.options
  const before = options.ca
  options.ca = [cert]
  return () => {
    if (before === undefined) delete options.ca
    else options.ca = before
  }
}
