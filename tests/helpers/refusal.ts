/** The error an API call is refused with; throws if the call succeeds instead. */
export const refusal = (promise: Promise<unknown>): Promise<{ code: string; message: string }> =>
  promise.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (e: unknown) => e as { code: string; message: string },
  );
