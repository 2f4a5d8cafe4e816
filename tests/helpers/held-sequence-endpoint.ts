import type { inProcessCall } from './in-process-call';

/**
 * Creates the endpoint `seq`, whose rule answers 500, then 503, then 200, each held back `delayMs`. `progress()` is
 * what the endpoint list says of its rule: the requests counted and the step the next one takes.
 */
export async function createHeldSequenceEndpoint(call: ReturnType<typeof inProcessCall>, delayMs: number) {
  const created = await call('endpoints.create', {
    slug: 'seq',
    name: 'Seq',
    rule: {
      status: 200,
      headers: [],
      body: 'ok',
      delayMs,
      behaviour: { kind: 'sequence', statuses: [500, 503, 200] },
    },
  });
  return {
    progress: async () => {
      const e = (await call('endpoints.list', {})).items.find((x) => x.id === created.id)!;
      return { ruleRequests: e.ruleRequests, ruleNextStep: e.ruleNextStep };
    },
  };
}
