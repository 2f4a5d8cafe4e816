import { render } from '@testing-library/react';
import { MultipartView } from '../../renderer/src/features/detail/MultipartView';

/** Renders the multipart view of `body` (parts split on the boundary `B`), with no search. */
export function renderMultipartText(body: string) {
  return render(
    <MultipartView
      bytes={new TextEncoder().encode(body)}
      contentType="multipart/form-data; boundary=B"
      query=""
    />,
  );
}
