import { contract, type MethodName, type ParsedInput } from '../../shared/contract/index';

/**
 * A download route's JSON body read as its API method's input; null once a 400 naming the first bad field is sent.
 * The routes answer with bytes, not the RPC envelope, so they check the input themselves.
 */
export function parseRouteInput<M extends MethodName>(
  method: M,
  body: unknown,
  sendError: (status: number, code: 'invalid_input', message: string) => void,
): ParsedInput<M> | null {
  const parsed = contract.methods[method].input.safeParse(body);
  if (parsed.success) return parsed.data as ParsedInput<M>;
  const issue = parsed.error.issues[0];
  sendError(400, 'invalid_input', `${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`);
  return null;
}
