export { ApiProvider, setupApi, useApi, useConnection } from './ApiProvider';
export { useCall, useEvent, type Query } from './hooks';
export type { ApiClient } from '../../../electron/shared/contract/client';
