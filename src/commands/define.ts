import type { ArgsOf, CommandArgs, CommandDefinition, CommandOption } from './types.js';
import { usage } from './views.js';

const INVALID = Symbol('invalid');

/**
 * Reads what a platform handed over into the values the options declare: strings trimmed (blank
 * counts as not given), integers as whole numbers, booleans as booleans, choices among their
 * values. Null when the arguments do not fit: a required option missing, a value of the wrong
 * kind, or an argument the command does not declare (e.g. a word too many after `/digest today`).
 */
export function readArgs<const Options extends readonly CommandOption[]>(options: Options, raw: CommandArgs): ArgsOf<Options> | null {
  const args: Record<string, string | number | boolean> = {};
  for (const name of Object.keys(raw)) {
    if (raw[name] !== undefined && !options.some((option) => option.name === name)) return null;
  }
  for (const option of options) {
    const value = readValue(option, raw[option.name]);
    if (value === INVALID || (value === undefined && option.required)) return null;
    if (value !== undefined) args[option.name] = value;
  }
  return args as ArgsOf<Options>;
}

function readValue(option: CommandOption, value: CommandArgs[string]): string | number | boolean | undefined | typeof INVALID {
  if (value === undefined) return undefined;
  if (option.type === 'boolean') return typeof value === 'boolean' ? value : INVALID;
  const text = String(value).trim();
  if (text === '') return undefined;
  if (option.type === 'integer') return /^[-+]?\d+$/.test(text) ? Number(text) : INVALID;
  return option.choices && !option.choices.some((choice) => choice.value === text) ? INVALID : text;
}

/**
 * A command whose handler reads typed arguments derived from its options (declare them
 * `as const satisfies readonly CommandOption[]`). Platforms see a plain CommandDefinition: arguments
 * that do not fit the options get the command's usage line instead of reaching the handler.
 */
export function defineCommand<const Options extends readonly CommandOption[]>(
  command: Omit<CommandDefinition<ArgsOf<Options>>, 'options'> & { options: Options },
): CommandDefinition {
  return {
    ...command,
    async run(raw, ctx) {
      const args = readArgs(command.options, raw);
      return args ? command.run(args, ctx) : usage(command.usage);
    },
  };
}
