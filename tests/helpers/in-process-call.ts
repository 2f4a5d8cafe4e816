import type { Engine } from '../../electron/engine/engine';

/** The engine's API as the in-process transport calls it, typed by method; `engine()` is read at each call. */
export function inProcessCall(engine: () => Engine) {
  return <M extends keyof Engine['handlers']>(m: M, input: Parameters<Engine['handlers'][M]>[0]) =>
    (engine().handlers[m] as (i: unknown, meta: unknown) => ReturnType<Engine['handlers'][M]>)(input, {
      transport: 'in-process',
    });
}
