/** The command line's flags, read one way by every command. */

/** The value after `flag` ('' when the flag ends the line), or undefined when the flag is absent. */
export function flagValue(args: readonly string[], flag: string): string | undefined {
  const i = args.indexOf(flag)
  return i === -1 ? undefined : args[i + 1] ?? ''
}
