/** A file whose read finishes only when `finish` is called: a large file still being read. */
export function slowFile(content: string | Uint8Array<ArrayBuffer>, name: string, type = 'text/csv') {
  const file = new File([content], name, { type });
  let finish = () => {};
  const read = file.arrayBuffer();
  file.arrayBuffer = () => new Promise((resolve) => (finish = () => void read.then(resolve)));
  return { file, finish: () => finish() };
}
