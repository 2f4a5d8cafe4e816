import type { Endpoint, HeaderPair } from '../../shared/contract/index';
import {
  ruleVersionHash,
  type RuleProgress,
  type RuleProgressPersistence,
} from '../store/rule-progress-store';
import { readRuleStepVersion, ruleStepVersion } from './rule-step-version';

/** Headers that describe a body's bytes, so belong to the rule's own body and not to a failure's. */
const bodyDescribingHeaders = new Set([
  'content-type',
  'content-encoding',
  'content-disposition',
  'content-range',
  'content-md5',
  'content-digest',
  'repr-digest',
  'digest',
  'etag',
]);

/** Whether a rule's answer depends on which request of its count this is (fail-first and sequence do). */
const stepsMatter = (behaviour: Endpoint['rule']['behaviour']) =>
  behaviour.kind === 'fail-first' || behaviour.kind === 'sequence';

export interface DecidedResponse {
  status: number;
  headers: HeaderPair[];
  /** Text goes out as UTF-8; bytes as they are. */
  body: string | Buffer;
  delayMs: number;
  reason: string | null;
  /** Which request of the rule's count this answered (0-based), to give back if it is never sent. */
  step?: number;
  /**
   * The count that took that step (`ruleStepVersion`): a step goes back only to the same rule, and not to a count that
   * saving the endpoint restarted since (the rule unchanged, its hash alone cannot tell). Stored with the capture.
   */
  ruleVersion?: string;
}

/**
 * Applies an endpoint's response rule. State (how many requests an endpoint has seen) is per endpoint and resets when
 * the endpoint is edited, so "fail the first 3" means the next 3 after saving. With a persistence, counts are kept
 * between runs (`persist` writes the ones that moved; the engine calls it every second and on close), so a sender's
 * retries spread over hours still meet the rule where it was.
 */
export class ResponseRules {
  /** Per endpoint: requests counted under this rule version, and steps given back, lowest first, to hand out again. */
  private readonly seen = new Map<number, { version: string; count: number; returned: number[] }>();
  /** A rule's content as its version, serialised once per rule object (the endpoint store replaces them on change). */
  private readonly versions = new WeakMap<Endpoint['rule'], string>();
  private readonly versionHashes = new WeakMap<Endpoint['rule'], string>();

  /** Per endpoint: how many times `reset` restarted its count, in this run and those before. */
  private readonly generations = new Map<number, number>();

  /** Endpoints whose count moved since the last `persist`. */
  private readonly moved = new Set<number>();

  constructor(
    private readonly random: () => number = Math.random,
    private readonly persistence?: RuleProgressPersistence,
  ) {}

  decide(endpoint: Endpoint): DecidedResponse {
    const decided = this.apply(endpoint);
    if (decided.status >= 200 && decided.status <= 599) return decided;
    // A rule stored before 1xx were refused: a 1xx alone is not a response (Node writes it and the sender waits
    // for a final one that never comes), so answer a final 500 that says why, and record the same.
    const problem = `the rule's status ${decided.status} cannot end a response (${
      decided.status >= 100 && decided.status < 200 ? 'informational, 1xx' : 'not an HTTP status'
    }); answered 500 instead — edit the endpoint's rule to a status from 200 to 599`;
    return {
      status: 500,
      headers: [['content-type', 'application/json']],
      body: JSON.stringify({
        error: 'invalid_rule_status',
        ruleStatus: decided.status,
        endpoint: endpoint.slug,
      }),
      delayMs: decided.delayMs,
      reason: decided.reason ? `${decided.reason}; ${problem}` : problem,
      step: decided.step,
      ruleVersion: decided.ruleVersion,
    };
  }

  private apply(endpoint: Endpoint): DecidedResponse {
    const { rule } = endpoint;
    const state = this.stateOf(endpoint);
    // A step given back goes to the next request, even if later steps were handed out meanwhile (concurrent requests).
    const count = state.returned.shift() ?? state.count++;
    this.moved.add(endpoint.id);
    const normal: DecidedResponse = {
      status: rule.status,
      headers: rule.headers,
      body: rule.bodyEncoding === 'base64' ? Buffer.from(rule.body, 'base64') : rule.body,
      delayMs: rule.delayMs,
      reason: null,
      step: count,
      ruleVersion: ruleStepVersion(this.versionHashOf(rule), this.generationOf(endpoint.id)),
    };
    // A failure answers a body that says so: the rule's own body is its success answer, and `500 {"ok":true}` in a
    // delivery log contradicts itself. The rule's other headers stay; those describing its body go with it (a
    // `content-encoding: gzip` left on the JSON failure body would make the sender's client fail to decode it).
    const failWith = (status: number, reason: string): DecidedResponse => ({
      ...normal,
      status,
      headers: [
        ...rule.headers.filter(([name]) => !bodyDescribingHeaders.has(name.toLowerCase())),
        ['content-type', 'application/json'],
      ],
      body: JSON.stringify({ error: 'deliberate_failure', reason, endpoint: endpoint.slug }),
      reason,
    });
    const behaviour = rule.behaviour;
    switch (behaviour.kind) {
      case 'fixed':
        return normal;
      case 'fail-first':
        return count < behaviour.count
          ? failWith(
              behaviour.failStatus,
              `fail-first: request ${count + 1} of ${behaviour.count} failed on purpose`,
            )
          : normal;
      case 'failure-rate':
        return this.random() * 100 < behaviour.percent
          ? failWith(behaviour.failStatus, `failure-rate: failed at random (${behaviour.percent}%)`)
          : normal;
      case 'sequence': {
        const step = Math.min(count, behaviour.statuses.length - 1);
        const status = behaviour.statuses[step]!;
        const reason = `sequence: step ${step + 1}`;
        // An error step is a failure, as in fail-first: the rule's body is its success answer. The rule's own status
        // is hidden for a sequence (kept only for switching back), so it must not decide which body goes out.
        return status >= 400
          ? failWith(status, `${reason} failed on purpose`)
          : { ...normal, status, reason };
      }
      default: {
        const unreachable: never = behaviour;
        return unreachable;
      }
    }
  }

  /** The endpoint's count under its current rule: kept in memory, else as stored by the last run, else a new one. */
  private stateOf(endpoint: Endpoint): { version: string; count: number; returned: number[] } {
    const version = this.versionOf(endpoint.rule);
    let state = this.seen.get(endpoint.id);
    if (!state || state.version !== version) {
      const stored = state ? undefined : this.persistence?.load(endpoint.id, version);
      const returned = stored?.givenBack ?? [];
      this.seen.set(
        endpoint.id,
        (state = { version, count: (stored?.counted ?? 0) + returned.length, returned }),
      );
    }
    return state;
  }

  private versionOf(rule: Endpoint['rule']): string {
    let version = this.versions.get(rule);
    if (version === undefined) this.versions.set(rule, (version = JSON.stringify(rule)));
    return version;
  }

  private versionHashOf(rule: Endpoint['rule']): string {
    let hash = this.versionHashes.get(rule);
    if (hash === undefined) this.versionHashes.set(rule, (hash = ruleVersionHash(this.versionOf(rule))));
    return hash;
  }

  /**
   * A decided response was never sent (the client went away, or the previous run was killed before writing it): its
   * step goes back, unless the rule changed since or the step was never counted. Whether it went back.
   */
  giveBack(endpoint: Endpoint, decided: Pick<DecidedResponse, 'step' | 'ruleVersion'>): boolean {
    const { step, ruleVersion } = decided;
    // A fixed or failure-rate rule answers alike whatever the step: there is nothing to give back, nor to claim so.
    if (step === undefined || !stepsMatter(endpoint.rule.behaviour)) return false;
    if (ruleVersion !== undefined) {
      const took = readRuleStepVersion(ruleVersion);
      if (took.ruleHash !== this.versionHashOf(endpoint.rule)) return false;
      if (took.generation !== undefined && took.generation !== this.generationOf(endpoint.id)) return false;
    }
    const kept = this.seen.get(endpoint.id);
    if (kept && kept.version !== this.versionOf(endpoint.rule)) return false;
    const state = kept ?? this.stateOf(endpoint);
    if (step >= state.count || state.returned.includes(step)) return false;
    state.returned.push(step);
    state.returned.sort((a, b) => a - b);
    this.moved.add(endpoint.id);
    return true;
  }

  /** Requests the endpoint's current rule has counted (what fail-first and sequence step through), steps given back aside. */
  counted(endpoint: Endpoint): number {
    const { count, returned } = this.progressState(endpoint);
    return count - returned.length;
  }

  /**
   * How far the endpoint's rule has got, as the API reports it beside the endpoint. The next step is not always the
   * count: a step given back below later ones handed out (concurrent requests) is taken first, lowest first.
   */
  progressOf(endpoint: Endpoint): {
    ruleRequests: number;
    ruleNextStep: number;
    ruleStepsGivenBack: number[];
  } {
    const { count, returned } = this.progressState(endpoint);
    return {
      ruleRequests: count - returned.length,
      ruleNextStep: returned[0] ?? count,
      ruleStepsGivenBack: [...returned],
    };
  }

  /** The current rule's steps handed out and those given back: from memory, else as last saved (read once). */
  private progressState(endpoint: Endpoint): { count: number; returned: readonly number[] } {
    const version = this.versionOf(endpoint.rule);
    const state = this.seen.get(endpoint.id);
    if (state) return state.version === version ? state : { count: 0, returned: [] };
    const stored = this.persistence?.load(endpoint.id, version);
    return stored
      ? { count: stored.counted + stored.givenBack.length, returned: stored.givenBack }
      : { count: 0, returned: [] };
  }

  /** Start the endpoint's count again, as saving it does: "fail the first 3" fails the next 3. */
  reset(endpointId: number): void {
    const generation = this.generationOf(endpointId) + 1;
    this.generations.set(endpointId, generation);
    this.seen.set(endpointId, { version: '', count: 0, returned: [] });
    this.moved.delete(endpointId);
    this.persistence?.restart(endpointId, generation);
  }

  private generationOf(endpointId: number): number {
    let generation = this.generations.get(endpointId);
    if (generation === undefined)
      this.generations.set(endpointId, (generation = this.persistence?.generation(endpointId) ?? 0));
    return generation;
  }

  /** Writes the counts that moved since the last call, with the steps given back and not handed out again. */
  persist(): void {
    if (!this.persistence || this.moved.size === 0) return;
    const entries = new Map<number, RuleProgress>();
    for (const endpointId of this.moved) {
      const state = this.seen.get(endpointId);
      if (state)
        entries.set(endpointId, {
          version: state.version,
          counted: state.count - state.returned.length,
          givenBack: [...state.returned],
          generation: this.generationOf(endpointId),
        });
    }
    this.persistence.save(entries);
    this.moved.clear();
  }
}
