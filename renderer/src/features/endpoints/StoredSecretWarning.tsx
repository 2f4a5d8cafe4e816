import { paddedSecretProblem, type EndpointVerify } from '../../../../electron/shared/contract/endpoints';

/**
 * An endpoint saved by an older version may hold a signature secret with a space or line break around it (newer ones
 * refuse saving it): every signature made with the real secret fails, which the verify settings must say.
 */
export function StoredSecretWarning({ verify }: { verify: EndpointVerify | null | undefined }) {
  if (!verify || verify.scheme === 'none' || paddedSecretProblem(verify.secret) === null) return null;
  return (
    <span className="notice notice-warn" role="status" data-testid="endpoint-verify-stored-secret-padded">
      The stored secret has spaces or line breaks around it, so signatures made with the real secret fail:
      re-save it without them.
    </span>
  );
}
