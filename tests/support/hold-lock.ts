/**
 * Holds the DATA_DIR lock of the directory given as argument until killed,
 * and says "held" on stdout once it has it (for tests of the lock).
 */
import { lockDataDir } from '../../src/storage/embedded/lock'

const dir = process.argv[2]
if (!dir) throw new Error('usage: hold-lock.ts DIR')
lockDataDir(dir)
process.stdout.write('held\n')
setInterval(() => undefined, 60000)
