/** A component test's engine: the same real engine and in-process API client as an API test's. */
export { useEngineApi as useEngineForUi } from './engine-api';
