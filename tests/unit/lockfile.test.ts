/**
 * `npm ci` refuses a lockfile that lacks an optional dependency of a locked
 * package (another platform's prebuilt binary, say), so the lockfile must
 * record every platform's binaries, not only this machine's.
 */
import fs from 'node:fs'
import path from 'node:path'

interface LockedPackage {
  optionalDependencies?: Record<string, string>
}

const lock = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockedPackage>
}

/** Where npm would look for `dep` of the package at `at`: its own node_modules, then each parent's. */
function resolves(at: string, dep: string): boolean {
  let dir = at
  for (;;) {
    if (lock.packages[`${dir ? `${dir}/` : ''}node_modules/${dep}`]) return true
    if (!dir) return false
    const cut = dir.lastIndexOf('/node_modules/')
    dir = cut < 0 ? '' : dir.slice(0, cut)
  }
}

test('every optional dependency of every locked package is itself locked (all platforms)', () => {
  const missing: string[] = []
  for (const [at, pkg] of Object.entries(lock.packages)) {
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) {
      if (!resolves(at, dep)) missing.push(`${at || '(root)'} → ${dep}`)
    }
  }
  expect(missing).toEqual([])
})
