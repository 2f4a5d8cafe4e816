import { useHttpTarget } from './http-target';

/**
 * A delivery target on 127.0.0.1, port 0, that answers 200 "ok" once it has read each request and keeps each request
 * target (path and query as they arrived) in `targets`, in order: started before the file's tests, closed after them.
 */
export function useRecordingTarget(): { readonly url: string; readonly targets: string[] } {
  const targets: string[] = [];
  const target = useHttpTarget((req, res) => {
    targets.push(req.url ?? '');
    req.resume().on('end', () => res.writeHead(200).end('ok'));
  });
  return {
    get url() {
      return target.url;
    },
    targets,
  };
}
