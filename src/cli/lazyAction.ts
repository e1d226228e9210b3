/** A command action: what commander calls with the arguments, the options and the command. */
type Action = (...args: never[]) => void | Promise<void>;

/**
 * A commander action that imports its module only when the command runs, so that registering commands (and
 * `--help`, and usage errors) loads none of the heavy modules behind them.
 *
 * @example `.action(lazyAction(() => import('./validateAction.js'), 'validateAction'))`
 * @param load imports the module of the action
 * @param name the export of that module to call
 */
export function lazyAction<M extends Record<K, Action>, K extends string>(
  load: () => Promise<M>,
  name: K,
): (...args: Parameters<M[K]>) => Promise<void> {
  return async (...args) => {
    const module = await load();
    await module[name](...args);
  };
}
