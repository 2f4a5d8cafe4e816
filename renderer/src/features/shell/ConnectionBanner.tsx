import { useConnection } from '../../api';

/** Says plainly when the server stopped accepting this tab's token: nothing on the page will refresh until a new link. */
export function ConnectionBanner() {
  const connection = useConnection();
  if (connection !== 'unauthorized') return null;
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner">
      Hookscope restarted or this link is out of date — open the link printed by <code>npm start</code> /{' '}
      <code>hookscope serve</code>.
    </div>
  );
}
