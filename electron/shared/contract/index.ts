import type { z } from 'zod';
import { appMethods, sampleMethods } from './app';
import { captureMethods } from './captures';
import { decodeEvents, decodeMethods } from './decode';
import { deliveryEvents, deliveryMethods } from './delivery';
import { desktopEvents, desktopMethods } from './desktop';
import { endpointMethods } from './endpoints';
import { coreEvents } from './events';
import { signingEvents, signingMethods } from './signing';
import { tunnelEvents, tunnelMethods } from './tunnel';

export * from './errors';
export * from './captures';
export * from './endpoints';
export * from './app';

/** The one table of everything that crosses the engine ↔ renderer boundary. */
export const contract = {
  methods: {
    ...appMethods,
    ...sampleMethods,
    ...captureMethods,
    ...endpointMethods,
    ...decodeMethods,
    ...deliveryMethods,
    ...signingMethods,
    ...tunnelMethods,
    ...desktopMethods,
  },
  events: {
    ...coreEvents,
    ...decodeEvents,
    ...deliveryEvents,
    ...signingEvents,
    ...tunnelEvents,
    ...desktopEvents,
  },
};

export type Methods = typeof contract.methods;
export type MethodName = keyof Methods & string;
export type EventName = keyof typeof contract.events & string;
/** What a caller passes (defaults may be omitted). */
export type Input<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type Output<M extends MethodName> = z.output<Methods[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof contract.events)[E]>;

export interface CallMeta {
  /** Which transport the call came through. */
  transport: 'in-process' | 'http' | 'ipc';
}

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>, meta: CallMeta) => Promise<Output<M>> | Output<M>;
};

export const methodNames = Object.keys(contract.methods) as MethodName[];
export const eventNames = Object.keys(contract.events) as EventName[];
export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract.methods, name);
