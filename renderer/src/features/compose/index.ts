export { Composer, type ComposerProps } from './Composer';
export { ComposeView } from './ComposeView';
export type { InitialRequest } from './state';
