export { Composer, type ComposerProps } from './Composer';
export type { InitialRequest } from './state';
