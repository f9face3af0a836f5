/** A whole Tejido instance in this process, on a temporary DATA_DIR, for HTTP tests. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { loadConfig, type Config } from '../../src/config/config'
import { compose, type Tejido } from '../../src/composition/compose'

export const ADMIN_TOKEN = 'test-admin-token-0123456789'
export const PUBLIC_URL = 'https://tejido.test'

export interface TestInstance {
  tejido: Tejido
  config: Config
  dataDir: string
  auth: { Authorization: string }
  close(): Promise<void>
}

/** Composes a whole instance in this process (no port, no child process): drive `tejido.app` with supertest. */
export async function composeInstance(env: Record<string, string> = {}): Promise<TestInstance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-http-'))
  const config = loadConfig({ PUBLIC_URL, DATA_DIR: dataDir, ADMIN_TOKEN, LOG_LEVEL: 'silent', ...env })
  const tejido = await compose(config, pino({ level: 'silent' }))
  return {
    tejido,
    config,
    dataDir,
    auth: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    close: async () => {
      await tejido.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

/** A valid listing to start from; tests override fields. */
export function sampleListing(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    slug: 'red-tejida',
    name: 'Red Tejida',
    nameMap: { es: 'Red Tejida', en: 'Woven Network' },
    summary: '<p>Worker-owned hosting and <strong>secure email</strong>.</p>',
    summaryMap: { es: '<p>Alojamiento y correo seguro, de propiedad obrera.</p>' },
    kind: 'worker-coop',
    services: ['web-hosting', 'encrypted-email'],
    tags: ['solidarity'],
    languages: ['es', 'en'],
    regionsServed: ['MX-OAX', 'remote'],
    location: [{ name: 'Oaxaca office', address: 'Calle Falsa 123, Oaxaca', country: 'MX', latitude: 17.0732, longitude: -96.7266 }],
    contact: { website: 'https://red-tejida.example', email: 'hola@red-tejida.example', phone: '+52 951 000 0000' },
    contactVisibility: { phone: 'partners' },
    founded: 2015,
    size: 12,
    acceptingClients: true,
    pricing: 'Sliding scale',
    networks: ['CoTech'],
    dataLicense: 'CC0-1.0',
    ...overrides
  }
}
